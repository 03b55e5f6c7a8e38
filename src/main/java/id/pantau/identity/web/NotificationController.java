package id.pantau.identity.web;

import id.pantau.identity.Notifications;
import id.pantau.identity.PantauUser;
import id.pantau.platform.NotFoundException;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** A user's notifications: what reached its inbox or came back to it. */
@Controller
@RequestMapping("/notifikasi")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class NotificationController {

	private final Notifications notifications;

	@GetMapping
	String list(@AuthenticationPrincipal PantauUser user, Model model) {
		model.addAttribute("notifications", notifications.recent(user.getUsername(), 100));
		return "identity/notifications";
	}

	/** Opening a notification marks it read and goes where it leads (a page of Pantau, never another site). */
	@GetMapping("/{id}")
	String open(@AuthenticationPrincipal PantauUser user, @PathVariable long id) {
		String link = notifications.open(user.getUsername(), id)
				.orElseThrow(() -> new NotFoundException("notification " + id));
		boolean local = link != null && link.startsWith("/") && !link.startsWith("//") && !link.contains("\\");
		return "redirect:" + (local ? link : "/notifikasi");
	}

	@PostMapping("/dibaca")
	String markRead(@AuthenticationPrincipal PantauUser user) {
		notifications.markAllRead(user.getUsername());
		return "redirect:/notifikasi";
	}
}
