package id.pantau.reports.web;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import id.pantau.identity.PantauUser;
import id.pantau.platform.DisplayTime;
import id.pantau.platform.ImportSlots;
import id.pantau.platform.InvalidInput;
import id.pantau.platform.NotFoundException;
import id.pantau.platform.ProblemMessages;
import id.pantau.reference.ReferenceData;
import id.pantau.reference.Region;
import id.pantau.reference.RegionLevel;
import id.pantau.reports.domain.ReportImport;
import id.pantau.reports.domain.ReportSheet;
import id.pantau.reports.domain.ReportTemplate;
import id.pantau.platform.tables.UnreadableFile;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
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
import org.springframework.web.multipart.MultipartFile;

/**
 * BPMPD's import of a village's month of reports from Excel: the template to download, and the page that takes the
 * filled one back and shows either what was created or, row by row, why nothing was.
 */
@Controller
@RequestMapping("/laporan")
@PreAuthorize("hasRole('BPMPD')")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ReportImportPageController {

	/** Problems shown on the page; more are counted, not listed. */
	static final int SHOWN_PROBLEMS = 200;

	record RowProblem(int row, String column, String message) {
	}

	private final ReportImport importing;
	private final ReferenceData reference;
	private final ProblemMessages problems;
	private final MessageSource messages;
	private final Clock clock;
	private final ImportSlots slots;

	@GetMapping("/templat")
	ResponseEntity<byte[]> template(@AuthenticationPrincipal PantauUser user,
			@RequestParam(required = false) String villageCode, @RequestParam(required = false) String month) {
		String village = villageCode == null || villageCode.isBlank() ? null : villageCode.strip();
		Region region = null;
		if (village != null) {
			region = reference.region(village).filter(r -> r.isVillage() && user.scope().covers(r.code()))
					.orElseThrow(() -> new NotFoundException("village " + village));
		}
		YearMonth chosen = null;
		if (month != null && !month.isBlank()) {
			try {
				chosen = YearMonth.parse(month.strip());
			}
			catch (DateTimeParseException e) {
				throw new NotFoundException("month " + month);
			}
		}
		ReportTemplate.Prefill prefill = new ReportTemplate.Prefill(region == null ? null : region.code(),
				region == null ? null : region.name(), chosen);
		byte[] workbook = ReportTemplate.template(
				key -> messages.getMessage(key, null, key, LocaleContextHolder.getLocale()), prefill);
		return ResponseEntity.ok().contentType(MediaType.parseMediaType(ReportTemplate.CONTENT_TYPE))
				.header(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.attachment().filename(ReportTemplate.fileName(prefill)).build().toString())
				.cacheControl(CacheControl.noStore()).body(workbook);
	}

	@GetMapping("/impor")
	String form(@AuthenticationPrincipal PantauUser user, @RequestParam(required = false) String villageCode,
			@RequestParam(required = false) String month, Model model) {
		return page(user, model, villageCode, month, Map.of());
	}

	@PostMapping("/impor")
	String upload(@AuthenticationPrincipal PantauUser user, @RequestParam(required = false) String villageCode,
			@RequestParam(required = false) String month, @RequestParam(required = false) MultipartFile file,
			Model model) throws IOException {
		try {
			YearMonth chosen = month(month);
			importing.check(user, villageCode, chosen);
			if (file == null || file.isEmpty()) {
				throw InvalidInput.of(ReportSheet.FILE, "sheet.missing");
			}
			if (file.getSize() > ReportSheet.MAX_BYTES) {
				throw InvalidInput.of(ReportSheet.FILE, "sheet.tooLarge", ReportSheet.MAX_BYTES / (1024 * 1024));
			}
			try (ImportSlots.Slot slot = slots.take(user.getUsername())) {
				byte[] bytes;
				try (InputStream in = file.getInputStream()) {
					bytes = in.readNBytes(ReportSheet.MAX_BYTES + 1);
				}
				ReportSheet.Result sheet = ReportSheet.read(bytes);
				model.addAttribute("rowsRead", sheet.rowsRead());
				model.addAttribute("outcome", importing.run(user, villageCode, chosen, sheet));
			}
		}
		catch (InvalidInput invalid) {
			return page(user, model, villageCode, month, problems.of(invalid));
		}
		catch (UnreadableFile busy) {
			return page(user, model, villageCode, month, problems.of(InvalidInput.of(ReportSheet.FILE,
					busy.messageKey())));
		}
		catch (ReportImport.Refused refused) {
			List<RowProblem> shown = new ArrayList<>();
			refused.problems().stream().limit(SHOWN_PROBLEMS).forEach(p -> shown.add(new RowProblem(p.row(),
					p.column(), problems.message(p.messageKey(), p.arguments()))));
			model.addAttribute("rowProblems", shown);
			model.addAttribute("moreProblems", Math.max(0, refused.problems().size() - SHOWN_PROBLEMS));
			model.addAttribute("refusedRows", refused.problems().stream().mapToInt(ReportSheet.Problem::row)
					.distinct().count());
		}
		return page(user, model, villageCode, month, Map.of());
	}

	private String page(PantauUser user, Model model, String villageCode, String month, Map<String, String> errors) {
		YearMonth current = YearMonth.now(clock.withZone(DisplayTime.ZONE));
		List<YearMonth> months = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			months.add(current.minusMonths(i));
		}
		model.addAttribute("villages", reference.regionsWithin(user.scope(), RegionLevel.VILLAGE));
		model.addAttribute("months", months);
		model.addAttribute("villageCode", villageCode);
		model.addAttribute("month", month == null || month.isBlank() ? current.toString() : month);
		model.addAttribute("errors", errors);
		model.addAttribute("maxMegabytes", ReportSheet.MAX_BYTES / (1024 * 1024));
		model.addAttribute("maxRows", ReportSheet.MAX_ROWS);
		return "reports/import";
	}

	private static YearMonth month(String month) {
		if (month == null || month.isBlank()) {
			throw InvalidInput.of("month", "input.required");
		}
		try {
			return YearMonth.parse(month.strip());
		}
		catch (DateTimeParseException e) {
			throw InvalidInput.of("month", "input.choice");
		}
	}
}
