package id.pantau.audit.web;

import id.pantau.audit.AuditCheckpoints;
import id.pantau.audit.AuditEntry;
import id.pantau.audit.AuditTrail;
import id.pantau.audit.AuditVerification;
import id.pantau.audit.domain.AuditQueries;
import id.pantau.platform.ScopedPrincipal;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
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

	private final AuditQueries queries;
	private final AuditTrail audit;
	private final AuditCheckpoints checkpoints;

	@GetMapping
	String list(@AuthenticationPrincipal ScopedPrincipal user, @RequestParam(required = false) String action,
			@RequestParam(required = false) String actor, @RequestParam(required = false) Long before, Model model) {
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
