package id.pantau.matching.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

import id.pantau.audit.AuditEntry;
import id.pantau.audit.AuditTrail;
import id.pantau.matching.domain.PersonLists;
import id.pantau.platform.InvalidInput;
import id.pantau.platform.NotFoundException;
import id.pantau.platform.ProblemMessages;
import id.pantau.platform.ScopedPrincipal;
import id.pantau.platform.tables.Csv;
import id.pantau.platform.tables.UnreadableFile;
import id.pantau.platform.web.Downloads;
import jakarta.servlet.http.HttpServletResponse;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The administrators' page for onboarding Kesbangpol's existing list of foreigners: the file and the legal basis in,
 * then what became of the rows (new persons, links, rows waiting for review, refused rows to download and fix). The
 * page shows counts and the refused rows only; the persons themselves are for Kesbangpol and Imigrasi to review.
 */
@Controller
@RequestMapping("/admin/daftar-orang-asing")
@PreAuthorize("hasRole('ADMIN')")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class PersonListPageController {

	static final long MAX_BYTES = 20L * 1024 * 1024;

	/** A refused row with its reason in the user's language and its cells as one line. */
	record RefusedRowView(int row, String reason, String content) {
	}

	private final PersonLists lists;
	private final ProblemMessages messages;
	private final AuditTrail audit;

	@GetMapping
	String form(Model model) {
		return page(model, "", Map.of());
	}

	@PostMapping
	String upload(@AuthenticationPrincipal ScopedPrincipal user, @RequestParam(required = false) String basis,
			@RequestParam(required = false) MultipartFile file, Model model) throws IOException {
		if (file == null || file.isEmpty()) {
			return page(model, basis, Map.of("file", messages.message("personList.fileRequired")));
		}
		if (file.getSize() > MAX_BYTES) {
			return page(model, basis,
					Map.of("file", messages.message("import.tooLarge", MAX_BYTES / (1024 * 1024) + " MB")));
		}
		Path temporary = Files.createTempFile("pantau-list-", ".dat");
		try {
			try (InputStream in = file.getInputStream()) {
				Files.copy(in, temporary, StandardCopyOption.REPLACE_EXISTING);
			}
			PersonLists.ListSummary list = lists.importList(user, temporary, file.getOriginalFilename(), basis);
			return "redirect:/admin/daftar-orang-asing/" + list.id() + (list.alreadyImported() ? "?already" : "");
		}
		catch (InvalidInput invalid) {
			return page(model, basis, messages.of(invalid));
		}
		catch (UnreadableFile unreadable) {
			model.addAttribute("errorKey", unreadable.messageKey());
			model.addAttribute("errorArgs", new Object[] { unreadable.argument() });
			return page(model, basis, Map.of());
		}
		finally {
			Files.deleteIfExists(temporary);
		}
	}

	@GetMapping("/{id}")
	String outcome(@PathVariable long id, @RequestParam(required = false) String already, Model model) {
		PersonLists.ListSummary list = lists.find(id).orElseThrow(() -> new NotFoundException("person list"));
		model.addAttribute("list", list);
		model.addAttribute("already", already != null);
		model.addAttribute("refusedRows", lists.refused(id).stream()
				.map(r -> new RefusedRowView(r.rowNumber(), messages.message(r.reasonKey(), r.argument()),
						Csv.safeLine(r.cells())))
				.toList());
		return "matching/person-list";
	}

	/** The refused rows as a CSV file to fix: the list's columns and the reason; its download is audited. */
	@GetMapping("/{id}/ditolak.csv")
	void refusedFile(@PathVariable long id, HttpServletResponse response) throws IOException {
		PersonLists.ListSummary list = lists.find(id).orElseThrow(() -> new NotFoundException("person list"));
		audit.record(AuditEntry.of("PERSON_LIST_REFUSED_EXPORTED").subject("PERSON_LIST", id)
				.detail("rows", list.refused()));
		Downloads.start(response, "text/csv;charset=UTF-8", "daftar-" + id + "-ditolak.csv");
		Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		lists.writeRefused(id, writer);
		writer.flush();
	}

	private String page(Model model, String basis, Map<String, String> errors) {
		model.addAttribute("basis", basis == null ? "" : basis);
		model.addAttribute("errors", errors);
		model.addAttribute("lists", lists.recent());
		model.addAttribute("maxMegabytes", MAX_BYTES / (1024 * 1024));
		return "matching/person-list-upload";
	}
}
