package id.pantau.registry.web;

import java.io.IOException;

import id.pantau.platform.ProblemMessages;
import id.pantau.platform.ScopedPrincipal;
import id.pantau.platform.tables.TableExport;
import id.pantau.platform.web.Downloads;
import id.pantau.registry.domain.PersonExports;
import jakarta.servlet.http.HttpServletResponse;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/** The registry's list with its current filters (the same query string) as a CSV or XLSX file, within the scope. */
@Controller
@PreAuthorize(PersonPageController.READERS)
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class PersonExportController {

	private final PersonExports exports;
	private final ProblemMessages messages;

	@GetMapping("/orang-asing/ekspor")
	void export(@AuthenticationPrincipal ScopedPrincipal user, @ModelAttribute SearchForm form,
			@RequestParam(defaultValue = "csv") String format, HttpServletResponse response) throws IOException {
		TableExport.Format chosen = Downloads.startTable(response, format, "orang-asing");
		exports.export(user.scope(), form.filter(), form.sortOrDefault(), chosen, response.getOutputStream(),
				messages::message);
	}
}
