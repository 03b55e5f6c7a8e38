package id.pantau.reports.web;

import java.io.IOException;
import java.time.LocalDate;

import id.pantau.identity.PantauUser;
import id.pantau.platform.ProblemMessages;
import id.pantau.platform.tables.TableExport;
import id.pantau.platform.web.Downloads;
import id.pantau.reference.ReferenceData;
import id.pantau.reports.domain.ReportExports;
import jakarta.servlet.http.HttpServletResponse;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The decided village reports of a period within the user's scope, as a file for the agencies of the chain. */
@Controller
@PreAuthorize("hasAnyRole('KESBANGPOL', 'IMIGRASI', 'TIMPORA', 'BPMPD')")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ReportExportController {

	private final ReportExports exports;
	private final ProblemMessages messages;
	private final ReferenceData reference;

	@GetMapping("/laporan/ekspor")
	void export(@AuthenticationPrincipal PantauUser user, @RequestParam(defaultValue = "csv") String format,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String region, HttpServletResponse response) throws IOException {
		TableExport.Format chosen = Downloads.startTable(response, format,
				"laporan-desa_" + Downloads.period(from, to));
		exports.export(ReportPageController.within(user, region, reference), from, to, chosen,
				response.getOutputStream(), messages::message);
	}
}
