package id.pantau.registry.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import id.pantau.platform.DisplayTime;
import id.pantau.platform.InvalidInput;
import id.pantau.platform.ProblemMessages;
import id.pantau.platform.ScopedPrincipal;
import id.pantau.platform.tables.UnreadableFile;
import id.pantau.registry.CrewListResult;
import id.pantau.registry.CrewListUpload;
import id.pantau.registry.domain.CrewLists;
import id.pantau.registry.domain.VesselRegistry;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Immigration's and Kesbangpol's upload of a vessel's crew list: the vessel (or a new one), arrival or departure, the
 * date, the legal basis and origin, and the file; the page then shows what changed or, row by row, why nothing did.
 */
@Controller
@RequestMapping("/kapal/awak/impor")
@PreAuthorize("hasAnyRole('IMIGRASI', 'KESBANGPOL')")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class CrewListPageController {

	static final long MAX_BYTES = 10L * 1024 * 1024;

	/** The form as typed; the vessel is a registered vessel's id or empty for a new one. */
	record CrewListForm(String vesselId, String newVessel, String direction, String date, String basis,
			String origin) {

		static CrewListForm empty(Clock clock) {
			return new CrewListForm("", "", "ARRIVAL", LocalDate.now(clock.withZone(DisplayTime.ZONE)).toString(), "",
					"");
		}
	}

	/** A refused row with its reason in the user's language. */
	record RefusedRow(int row, String reason, String content) {
	}

	private final CrewLists crewLists;
	private final VesselRegistry vessels;
	private final ProblemMessages messages;
	private final Clock clock;

	@GetMapping
	String form(Model model) {
		return page(model, CrewListForm.empty(clock), Map.of());
	}

	@PostMapping
	String upload(@AuthenticationPrincipal ScopedPrincipal user, CrewListForm form,
			@RequestParam(required = false) MultipartFile file, Model model) throws IOException {
		if (file == null || file.isEmpty()) {
			return page(model, form, Map.of("file", messages.message("crewList.fileRequired")));
		}
		if (file.getSize() > MAX_BYTES) {
			return page(model, form, Map.of("file", messages.message("import.tooLarge", MAX_BYTES / (1024 * 1024) + " MB")));
		}
		Path temporary = Files.createTempFile("pantau-crew-", ".dat");
		try {
			try (InputStream in = file.getInputStream()) {
				Files.copy(in, temporary, StandardCopyOption.REPLACE_EXISTING);
			}
			CrewListResult result = crewLists.importList(user, upload(form, file.getOriginalFilename()), temporary);
			model.addAttribute("result", result);
			model.addAttribute("refusedRows", result.refused().stream()
					.map(r -> new RefusedRow(r.rowNumber(), messages.message(r.reasonKey(), r.argument()), r.raw()))
					.toList());
			if (result.imported()) {
				form = CrewListForm.empty(clock);
			}
		}
		catch (InvalidInput invalid) {
			return page(model, form, messages.of(invalid));
		}
		catch (UnreadableFile unreadable) {
			model.addAttribute("errorKey", unreadable.messageKey());
			model.addAttribute("errorArgs", new Object[] { unreadable.argument() });
		}
		finally {
			Files.deleteIfExists(temporary);
		}
		return page(model, form, Map.of());
	}

	private static CrewListUpload upload(CrewListForm form, String fileName) {
		Long vesselId = null;
		if (form.vesselId() != null && !form.vesselId().isBlank()) {
			try {
				vesselId = Long.parseLong(form.vesselId().strip());
			}
			catch (NumberFormatException e) {
				throw InvalidInput.of("vessel", "input.choice");
			}
		}
		CrewListUpload.Direction direction = null;
		if (form.direction() != null && !form.direction().isBlank()) {
			try {
				direction = CrewListUpload.Direction.valueOf(form.direction().strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException e) {
				throw InvalidInput.of("direction", "input.choice");
			}
		}
		LocalDate date = null;
		if (form.date() != null && !form.date().isBlank()) {
			try {
				date = LocalDate.parse(form.date().strip());
			}
			catch (DateTimeParseException e) {
				throw InvalidInput.of("date", "input.date");
			}
		}
		return new CrewListUpload(vesselId, form.newVessel(), direction, date, form.basis(), form.origin(), fileName);
	}

	private String page(Model model, CrewListForm form, Map<String, String> errors) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("vessels", vessels.all());
		model.addAttribute("directions", List.of(CrewListUpload.Direction.values()));
		model.addAttribute("maxMegabytes", MAX_BYTES / (1024 * 1024));
		return "registry/crew-import";
	}
}
