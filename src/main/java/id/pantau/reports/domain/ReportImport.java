package id.pantau.reports.domain;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import id.pantau.audit.AuditEntry;
import id.pantau.audit.AuditTrail;
import id.pantau.identity.PantauUser;
import id.pantau.identity.Role;
import id.pantau.platform.DisplayTime;
import id.pantau.platform.InvalidInput;
import id.pantau.reference.ReferenceData;
import id.pantau.reference.Region;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * BPMPD takes a village's month of reports from a filled Excel template: every row becomes a report of the village,
 * drafted and submitted on its behalf, in one transaction, so that a row refused when it is saved undoes the rows
 * before it. A file is imported once: each row's report carries a client key made of the village, the file's digest
 * and the row's number, so that the same file sent again (a double click, a reload) creates nothing new.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ReportImport {

	/** A row's report: {@code earlier} when the same file had already brought it in. */
	public record Imported(int row, long id, String number, boolean earlier) {
	}

	public record Outcome(String villageCode, String villageName, YearMonth month, int rowsRead,
			List<Imported> reports) {

		public long created() {
			return reports.stream().filter(r -> !r.earlier()).count();
		}

		public long earlier() {
			return reports.stream().filter(Imported::earlier).count();
		}
	}

	/** The rows that cannot be imported; nothing was. */
	public static class Refused extends RuntimeException {

		private final transient List<ReportSheet.Problem> problems;

		public Refused(List<ReportSheet.Problem> problems) {
			super(problems.size() + " rows refused");
			this.problems = List.copyOf(problems);
		}

		public List<ReportSheet.Problem> problems() {
			return problems;
		}
	}

	private final VillageReporting reporting;
	private final VillageReports reports;
	private final ReferenceData reference;
	private final AuditTrail audit;
	private final Clock clock;

	/**
	 * The village, when the user (BPMPD) may import reports into it for the month; otherwise throws: access denied for
	 * another role, {@link InvalidInput} for a village outside the user's scope, unknown, or a month yet to come.
	 */
	public Region check(PantauUser user, String villageCode, YearMonth month) {
		if (user.role() != Role.BPMPD) {
			throw new AccessDeniedException("BPMPD imports a village's reports");
		}
		if (villageCode == null || villageCode.isBlank()) {
			throw InvalidInput.of("villageCode", "village.required");
		}
		if (!user.scope().covers(villageCode)) {
			throw InvalidInput.of("villageCode", "village.outsideScope");
		}
		Region village = reference.region(villageCode).filter(Region::isVillage)
				.orElseThrow(() -> InvalidInput.of("villageCode", "village.unknown", villageCode));
		if (month == null) {
			throw InvalidInput.of("month", "input.required");
		}
		if (month.isAfter(YearMonth.from(clock.instant().atZone(DisplayTime.ZONE)))) {
			throw InvalidInput.of("month", "periodic.futureMonth");
		}
		return village;
	}

	/**
	 * Creates and submits a report for each line of an accepted sheet, all or none. Throws {@link Refused} when the
	 * sheet has problems or a row is refused when it is saved, and {@link InvalidInput} when the template was made for
	 * another village.
	 */
	@Transactional
	public Outcome run(PantauUser user, String villageCode, YearMonth month, ReportSheet.Result sheet) {
		Region village = check(user, villageCode, month);
		if (!sheet.accepted()) {
			throw new Refused(sheet.problems());
		}
		if (sheet.templateVillage() != null && !sheet.templateVillage().equals(village.code())) {
			String other = reference.region(sheet.templateVillage()).map(Region::name)
					.orElse(sheet.templateVillage());
			throw InvalidInput.of(ReportSheet.FILE, "sheet.otherVillage", other, village.name());
		}
		List<Imported> imported = new ArrayList<>();
		for (ReportSheet.Line line : sheet.lines()) {
			UUID key = UUID.nameUUIDFromBytes("report-import|%s|%s|%d".formatted(village.code(), sheet.digest(),
					line.number()).getBytes(StandardCharsets.UTF_8));
			// the same sheet imported again (also by another BPMPD officer): the rows made then, submitted then
			VillageReport found = reports.findByClientKey(key).orElse(null);
			boolean earlier = found != null;
			try {
				VillageReport report = found;
				if (!earlier) {
					report = reporting.draft(user, village.code(), line.form(), key);
					report = reporting.submit(user, report.getId(), report.getVersion());
				}
				imported.add(new Imported(line.number(), report.getId(), report.getNumber(), earlier));
			}
			catch (InvalidInput refused) {
				// the sheet's checks are those of VillageReporting, so this is a rule the sheet does not know yet;
				// throwing undoes the rows already saved
				throw new Refused(refused.problems().stream().map(p -> new ReportSheet.Problem(line.number(),
						ReportSheet.header(p.field()), p.messageKey(), p.arguments())).toList());
			}
		}
		audit.record(AuditEntry.of("REPORTS_IMPORTED").subject("REPORT_IMPORT", village.code() + "/" + month)
				.region(village.code()).detail("village", village.code()).detail("month", month)
				.detail("rows", sheet.rowsRead()).detail("created", imported.stream().filter(i -> !i.earlier()).count())
				.detail("sha256", sheet.digest()));
		return new Outcome(village.code(), village.name(), month, sheet.rowsRead(), imported);
	}
}
