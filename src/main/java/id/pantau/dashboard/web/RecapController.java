package id.pantau.dashboard.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import id.pantau.audit.AuditEntry;
import id.pantau.audit.AuditTrail;
import id.pantau.dashboard.domain.MonthlyRecap;
import id.pantau.dashboard.domain.RecapDocuments;
import id.pantau.dashboard.pdf.RecapPdf;
import id.pantau.identity.PantauUser;
import id.pantau.platform.DisplayTime;
import id.pantau.platform.NotFoundException;
import id.pantau.platform.ReplicaReads;
import id.pantau.platform.Scope;
import id.pantau.platform.web.Downloads;
import id.pantau.reference.ReferenceData;
import id.pantau.reference.RegionLevel;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The monthly recap (rekapitulasi bulanan) of a month and an area within the user's scope: on a page, and as PDF or
 * XLSX, in the user's language with the same tables and labels as the page. An area outside the scope is answered as
 * if it did not exist. Every download is audited. Without a month, the last complete month (by the clock, in WIT).
 */
@Controller
@PreAuthorize("!hasRole('ADMIN')")
class RecapController {

	private static final java.time.format.DateTimeFormatter GENERATED = java.time.format.DateTimeFormatter
			.ofPattern("dd-MM-yyyy HH:mm").withZone(DisplayTime.ZONE);

	private final MonthlyRecap recaps;
	private final RecapDocuments documents;
	private final ReferenceData reference;
	private final AuditTrail audit;
	private final Clock clock;
	private final MessageSource messages;
	private final ReplicaReads replicas;

	RecapController(MonthlyRecap recaps, RecapDocuments documents, ReferenceData reference, AuditTrail audit,
			Clock clock, MessageSource messages, ReplicaReads replicas) {
		this.messages = messages;
		this.replicas = replicas;
		this.recaps = recaps;
		this.documents = documents;
		this.reference = reference;
		this.audit = audit;
		this.clock = clock;
	}

	@GetMapping("/rekap")
	String page(@AuthenticationPrincipal PantauUser user,
			@RequestParam(name = "month", required = false) String monthText,
			@RequestParam(required = false) String region, Locale locale, Model model) {
		YearMonth month = month(monthText);
		Scope area = area(user, region);
		MonthlyRecap.Recap recap = recaps.of(area, areaName(area, locale), month);
		model.addAttribute("recap", recap);
		model.addAttribute("replicaLag", replicas.lag().orElse(null));
		model.addAttribute("tables", documents.tables(recap, locale));
		model.addAttribute("monthName", documents.monthName(month, locale));
		model.addAttribute("presentOn", RecapDocuments.date(recap.presentOn()));
		model.addAttribute("presentBeforeOn", RecapDocuments.date(recap.presentBeforeOn()));
		model.addAttribute("month", month);
		model.addAttribute("areaCode", area.regionCode() == null ? "" : area.regionCode());
		model.addAttribute("districts", reference.regionsWithin(user.scope(), RegionLevel.DISTRICT));
		model.addAttribute("villages", reference.regionsWithin(user.scope(), RegionLevel.VILLAGE));
		model.addAttribute("scopeCode", user.scope().regionCode());
		model.addAttribute("scopeName", areaName(user.scope(), locale));
		return "dashboard/recap";
	}

	@GetMapping("/rekap/unduh")
	void download(@AuthenticationPrincipal PantauUser user,
			@RequestParam(name = "month", required = false) String monthText,
			@RequestParam(required = false) String region, @RequestParam(defaultValue = "pdf") String format,
			Locale locale, HttpServletResponse response) throws IOException {
		YearMonth month = month(monthText);
		Scope area = area(user, region);
		boolean pdf = "pdf".equalsIgnoreCase(format);
		if (!pdf && !"xlsx".equalsIgnoreCase(format)) {
			throw new NotFoundException("format " + format);
		}
		MonthlyRecap.Recap recap = recaps.of(area, areaName(area, locale), month);
		// built in memory (a few pages), so that a failure answers with an error page rather than half a file
		ByteArrayOutputStream file = new ByteArrayOutputStream();
		if (pdf) {
			RecapPdf.write(file, documents.title(recap, locale), messages.getMessage("recap.doc.generated",
					new Object[] { GENERATED.format(clock.instant()), user.fullName() }, locale),
					documents.tables(recap, locale));
		}
		else {
			documents.writeXlsx(recap, locale, file);
		}
		audit.record(AuditEntry.of("RECAP_DOWNLOADED").region(area.regionCode()).detail("month", month)
				.detail("format", pdf ? "pdf" : "xlsx"));
		String name = "rekap-bulanan_" + month + "_" + (area.regionCode() == null ? "semua" : area.regionCode())
				+ (pdf ? ".pdf" : ".xlsx");
		Downloads.start(response, pdf ? "application/pdf"
				: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name);
		response.setContentLength(file.size());
		file.writeTo(response.getOutputStream());
	}

	/** The month asked for ({@code yyyy-MM}), or the last complete month. */
	private YearMonth month(String text) {
		if (text == null || text.isBlank()) {
			return YearMonth.now(clock.withZone(DisplayTime.ZONE)).minusMonths(1);
		}
		try {
			YearMonth month = YearMonth.parse(text.strip());
			if (!id.pantau.platform.CalendarRange.covers(month)) {
				throw new NotFoundException("month " + text);
			}
			return month;
		}
		catch (DateTimeParseException e) {
			throw new NotFoundException("month " + text);
		}
	}

	private Scope area(PantauUser user, String code) {
		if (code == null || code.isBlank()) {
			return user.scope();
		}
		if (!Scope.isRegionCode(code.strip())) {
			throw new NotFoundException("region " + code);
		}
		Scope area = reference.scope(code);
		if (!user.scope().covers(area)) {
			throw new NotFoundException("region " + code);
		}
		return area;
	}

	private String areaName(Scope area, Locale locale) {
		return area.isWholeDeployment() ? messages.getMessage("recap.area.all", null, locale)
				: reference.region(area.regionCode()).map(r -> switch (r.level()) {
					case DISTRICT -> messages.getMessage("regions.district", new Object[] { r.name() }, locale);
					default -> r.name();
				}).orElseThrow(() -> new NotFoundException("region " + area.regionCode()));
	}
}
