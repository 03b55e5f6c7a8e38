package id.pantau.identity.web;

import id.pantau.identity.Notifications;
import id.pantau.identity.PantauUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** A user's notifications: what reached its inbox or came back to it. */
@Controller
@RequestMapping("/notifikasi")
class NotificationController {

	private final Notifications notifications;

	NotificationController(Notifications notifications) {
		this.notifications = notifications;
	}

	@GetMapping
	String list(@AuthenticationPrincipal PantauUser user, Model model) {
		model.addAttribute("notifications", notifications.recent(user.getUsername(), 100));
		return "identity/notifications";
	}

	@PostMapping("/dibaca")
	String markRead(@AuthenticationPrincipal PantauUser user) {
		notifications.markAllRead(user.getUsername());
		return "redirect:/notifikasi";
	}
}
