package id.pantau.dashboard.web;

import java.io.IOException;

import id.pantau.dashboard.domain.AlertExports;
import id.pantau.identity.PantauUser;
import id.pantau.platform.tables.TableExport;
import id.pantau.platform.web.Downloads;
import jakarta.servlet.http.HttpServletResponse;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The alerts within the user's scope as a file, with the alert list's filters: for the agencies that follow alerts
 * up. Under {@code /rekap} so that it does not clash with the alert screens' own routes.
 */
@Controller
@PreAuthorize("hasAnyRole('KESBANGPOL', 'IMIGRASI', 'TIMPORA')")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class AlertExportController {

	private final AlertExports exports;

	@GetMapping("/rekap/peringatan/ekspor")
	void export(@AuthenticationPrincipal PantauUser user, @RequestParam(defaultValue = "csv") String format,
			@RequestParam(required = false) String severity, @RequestParam(required = false) String rule,
			@RequestParam(required = false) String region, @RequestParam(required = false) String status,
			HttpServletResponse response) throws IOException {
		TableExport.Format chosen = Downloads.startTable(response, format, "peringatan");
		exports.export(user.scope(), new AlertExports.Filter(severity, rule, region, status), chosen,
				response.getOutputStream());
	}
}
