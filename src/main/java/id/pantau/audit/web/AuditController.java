package id.pantau.audit.web;

import id.pantau.audit.AuditCheckpoints;
import id.pantau.audit.AuditEntry;
import id.pantau.audit.AuditTrail;
import id.pantau.audit.AuditVerification;
import id.pantau.audit.domain.AuditQueries;
import id.pantau.audit.domain.AuditSequencer;
import id.pantau.platform.ScopedPrincipal;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
@RequestMapping("/admin/audit")
@PreAuthorize("hasRole('ADMIN')")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class AuditController {

	private static final Logger log = LoggerFactory.getLogger(AuditController.class);

	private final AuditQueries queries;
	private final AuditSequencer sequencer;
	private final AuditTrail audit;
	private final AuditCheckpoints checkpoints;

	@GetMapping
	String list(@AuthenticationPrincipal ScopedPrincipal user, @RequestParam(required = false) String action,
			@RequestParam(required = false) String actor, @RequestParam(required = false) Long before, Model model) {
		// everything committed before this page is chained first, so the page shows it with its id and hash; whatever
		// cannot be chained now is said as waiting, never left out silently
		try {
			sequencer.catchUp();
		}
		catch (RuntimeException e) {
			log.warn("Entri jejak audit yang menunggu belum dapat dirantai: {}", e.toString());
		}
		model.addAttribute("waiting", sequencer.waiting());
		AuditQueries.Page page = queries.page(user.scope(), new AuditQueries.Filter(action, actor), before);
		model.addAttribute("page", page);
		model.addAttribute("actions", queries.actions());
		model.addAttribute("action", action);
		model.addAttribute("actor", actor);
		model.addAttribute("keyId", checkpoints.keyId());
		model.addAttribute("checkpoint", checkpoints.latest().orElse(null));
		return "audit/list";
	}

	@PostMapping("/verifikasi")
	@Transactional
	String verify(RedirectAttributes redirect) {
		AuditVerification result = audit.verify();
		audit.record(AuditEntry.of("AUDIT_VERIFIED").detail("rows", result.rowsChecked())
				.detail("intact", result.intact()).detail("firstBrokenId", result.firstBrokenId())
				.detail("problem", result.problem()).detail("checkpoints", result.checkpointsChecked()));
		redirect.addFlashAttribute("verification", result);
		return "redirect:/admin/audit";
	}

	/** The public key that checks the checkpoints' signatures, to hand to whoever keeps copies of them. */
	@GetMapping("/kunci-publik")
	ResponseEntity<String> publicKey() {
		return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN)
				.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"pantau-audit-" + checkpoints.keyId()
						+ ".pub.pem\"")
				.body(checkpoints.publicKeyPem());
	}
}
