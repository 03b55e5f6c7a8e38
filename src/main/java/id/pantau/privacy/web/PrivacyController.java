package id.pantau.privacy.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;

import id.pantau.platform.DisplayTime;
import id.pantau.platform.ScopedPrincipal;
import id.pantau.privacy.domain.BreachQuery;
import id.pantau.privacy.domain.RetentionSettings;
import id.pantau.privacy.domain.SubjectExport;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** PDP duties for administrators: the data-subject export, the breach query and the retention periods in force. */
@Controller
@RequestMapping("/admin/privasi")
@PreAuthorize("hasRole('ADMIN')")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class PrivacyController {

	private final SubjectExport export;
	private final BreachQuery breach;
	private final RetentionSettings retention;

	@GetMapping
	String page(@RequestParam(required = false) String actor, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, Model model) {
		model.addAttribute("retention", retention);
		model.addAttribute("actor", actor);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		if (actor != null && !actor.isBlank()) {
			Instant start = time(from);
			Instant end = time(to);
			if (start == null || end == null || !start.isBefore(end)) {
				model.addAttribute("breachError", "privacy.breach.badPeriod");
			}
			else {
				model.addAttribute("answer", breach.ask(actor, start, end));
			}
		}
		return "privacy/index";
	}

	@PostMapping("/ekspor")
	ResponseEntity<byte[]> export(@AuthenticationPrincipal ScopedPrincipal user, @RequestParam long personId,
			@RequestParam(required = false) String reason) {
		if (reason == null || reason.isBlank()) {
			return ResponseEntity.status(303).header(HttpHeaders.LOCATION, "/admin/privasi?reason=wajib").build();
		}
		byte[] json = export.export(personId, user.scope(), reason).getBytes(StandardCharsets.UTF_8);
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
				.header(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.attachment().filename("subjek-" + personId + ".json").build().toString())
				.header(HttpHeaders.CACHE_CONTROL, "no-store").body(json);
	}

	/** A local time as typed in the form (WIT), or null. */
	private static Instant time(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDateTime.parse(text.strip()).atZone(DisplayTime.ZONE).toInstant();
		}
		catch (DateTimeParseException e) {
			return null;
		}
	}
}
