package id.pantau.identity.web;

import id.pantau.identity.Notifications;
import id.pantau.identity.PantauUser;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The number of unread notifications, for the navigation bar of every page. */
@ControllerAdvice
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class NotificationCount {

	private final Notifications notifications;

	@ModelAttribute("unreadNotifications")
	Long unread(Authentication authentication) {
		return authentication != null && authentication.getPrincipal() instanceof PantauUser user
				? notifications.unread(user.getUsername()) : null;
	}
}
