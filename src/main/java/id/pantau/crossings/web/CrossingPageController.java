package id.pantau.crossings.web;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import id.pantau.audit.AuditEntry;
import id.pantau.audit.AuditTrail;
import id.pantau.crossings.Direction;
import id.pantau.crossings.domain.CrossingExports;
import id.pantau.crossings.domain.CrossingImports;
import id.pantau.crossings.domain.CrossingQueries;
import id.pantau.crossings.domain.ImportJobs;
import id.pantau.crossings.domain.ValueMappings;
import id.pantau.crossings.importing.CrossingColumn;
import id.pantau.crossings.importing.RowProblem;
import id.pantau.identity.PantauUser;
import id.pantau.platform.NotFoundException;
import id.pantau.platform.ProblemMessages;
import id.pantau.platform.tables.Csv;
import id.pantau.platform.tables.DelimitedRows;
import id.pantau.platform.tables.TableExport;
import id.pantau.platform.tables.UnreadableFile;
import id.pantau.platform.web.Downloads;
import id.pantau.reference.ReferenceData;
import id.pantau.reference.ReferenceLabels;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.AccessDeniedException;
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
 * Immigration's crossing data in the application: the list with its filters, the upload with a progress bar, the
 * column-mapping step for an unfamiliar layout, and each batch with its refused rows to fix and upload again.
 * Crossings are released to the city's agencies, not to villages.
 */
@Controller
@RequestMapping("/perlintasan")
@PreAuthorize("hasAnyRole('IMIGRASI', 'KESBANGPOL', 'TIMPORA')")
class CrossingPageController {

	private final ImportJobs jobs;
	private final CrossingImports imports;
	private final CrossingQueries queries;
	private final CrossingExports exports;
	private final ReferenceData reference;
	private final ReferenceLabels labels;
	private final ProblemMessages messages;
	private final AuditTrail audit;
	private final ValueMappings values;

	CrossingPageController(ImportJobs jobs, CrossingImports imports, CrossingQueries queries, CrossingExports exports,
			ReferenceData reference, ReferenceLabels labels, ProblemMessages messages, AuditTrail audit,
			ValueMappings values) {
		this.values = values;
		this.jobs = jobs;
		this.imports = imports;
		this.queries = queries;
		this.exports = exports;
		this.reference = reference;
		this.labels = labels;
		this.messages = messages;
		this.audit = audit;
	}

	/** Crossings have no village: only users whose scope covers a whole regency or more see them. */
	private static void requireRegencyScope(PantauUser user) {
		if (!user.scope().coversUnplaced()) {
			throw new AccessDeniedException("crossings need a regency-wide scope");
		}
	}

	@GetMapping
	String list(@AuthenticationPrincipal PantauUser user,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) Direction direction, @RequestParam(required = false) String port,
			@RequestParam(required = false) String nationality, @RequestParam(required = false) Boolean linked,
			@RequestParam(name = "page", defaultValue = "0") int pageNumber, Model model) {
		requireRegencyScope(user);
		CrossingQueries.Page page = queries.list(
				new CrossingQueries.Filter(from, to, direction, port, nationality, linked), pageNumber);
		audit.record(AuditEntry.of("CROSSINGS_LISTED").detail("rows", page.rows().size())
				.shown("CROSSING", page.rows().stream().map(CrossingQueries.Row::id).toList()));
		model.addAttribute("page", page);
		model.addAttribute("filter", Map.of("from", from == null ? "" : from.toString(), "to",
				to == null ? "" : to.toString(), "direction", direction == null ? "" : direction.name(), "port",
				port == null ? "" : port, "nationality", nationality == null ? "" : nationality, "linked",
				linked == null ? "" : linked.toString()));
		model.addAttribute("ports", reference.portsOfEntry());
		model.addAttribute("nationalityOptions", labels.countryOptions(nationality));
		model.addAttribute("batches", queries.batches(10));
		model.addAttribute("canExport", user.scope().coversUnplaced());
		return "crossings/list";
	}

	/**
	 * The crossings the list's filters select, as a file for a partner agency, written as they are read. Crossings
	 * are the regency's data: only a user whose scope is the regency (or wider) exports them.
	 */
	@GetMapping("/ekspor")
	void export(@AuthenticationPrincipal PantauUser user, @RequestParam(defaultValue = "csv") String format,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) Direction direction, @RequestParam(required = false) String port,
			@RequestParam(required = false) String nationality, @RequestParam(required = false) Boolean linked,
			HttpServletResponse response) throws IOException {
		if (!user.scope().coversUnplaced()) {
			throw new AccessDeniedException("crossings are exported regency-wide");
		}
		TableExport.Format chosen = Downloads.startTable(response, format, "perlintasan_" + Downloads.period(from, to));
		exports.export(new CrossingQueries.Filter(from, to, direction, blank(port), blank(nationality), linked),
				chosen, response.getOutputStream());
	}

	private static String blank(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	@GetMapping("/impor")
	@PreAuthorize("hasRole('IMIGRASI')")
	String uploadForm() {
		return "crossings/upload";
	}

	@PostMapping("/impor")
	@PreAuthorize("hasRole('IMIGRASI')")
	String upload(@AuthenticationPrincipal PantauUser user, @RequestParam MultipartFile file,
			@RequestParam String basis, @RequestParam String origin, Model model) throws IOException {
		if (file.isEmpty() || basis.isBlank() || origin.isBlank()) {
			model.addAttribute("errorKey", "import.fieldsRequired");
			return "crossings/upload";
		}
		try {
			ImportJobs.Job job = jobs.start(user.getUsername(), file.getInputStream(),
					new CrossingImports.Provenance(user.getUsername(), file.getOriginalFilename(), basis, origin));
			return "redirect:/perlintasan/impor/" + job.id();
		}
		catch (UnreadableFile e) {
			model.addAttribute("errorKey", e.messageKey());
			model.addAttribute("errorArgs", new Object[] { e.argument() });
			return "crossings/upload";
		}
	}

	@GetMapping("/impor/{id}")
	@PreAuthorize("hasRole('IMIGRASI')")
	String job(@AuthenticationPrincipal PantauUser user, @PathVariable UUID id, HttpServletRequest request,
			Model model) {
		ImportJobs.Job job = jobs.find(id, user.getUsername()).orElseThrow(() -> new NotFoundException("job " + id));
		model.addAttribute("job", job);
		model.addAttribute("columns", CrossingColumn.values());
		if (job.errorKey() != null) {
			model.addAttribute("error", messages.message(job.errorKey(), job.errorArgument()));
		}
		return request.getHeader("HX-Request") != null ? "crossings/job :: status" : "crossings/job";
	}

	@PostMapping("/impor/{id}/kolom")
	@PreAuthorize("hasRole('IMIGRASI')")
	String map(@AuthenticationPrincipal PantauUser user, @PathVariable UUID id,
			@RequestParam Map<String, String> fields) {
		ImportJobs.Job job = jobs.find(id, user.getUsername()).orElseThrow(() -> new NotFoundException("job " + id));
		Map<CrossingColumn, Integer> mapping = new EnumMap<>(CrossingColumn.class);
		Arrays.stream(CrossingColumn.values()).forEach(column -> {
			String value = fields.get("column." + column.name());
			if (value != null && value.matches("\\d{1,3}")) {
				mapping.put(column, Integer.parseInt(value));
			}
		});
		jobs.map(job, mapping);
		return "redirect:/perlintasan/impor/" + id;
	}

	@GetMapping("/batch/{id}")
	String batch(@AuthenticationPrincipal PantauUser user, @PathVariable long id, Model model) {
		requireRegencyScope(user);
		model.addAttribute("batch", queries.batch(id).orElseThrow(() -> new NotFoundException("batch " + id)));
		model.addAttribute("refused", imports.refusedRows(id, 200));
		model.addAttribute("refusedKept", imports.maxStoredRefusedRows());
		model.addAttribute("unknown", values.unknownInBatch(user, id));
		return "crossings/batch";
	}

	/** The refused rows with the file's header and a reason column, to fix in a spreadsheet and upload again. */
	@GetMapping("/batch/{id}/ditolak.csv")
	void refused(@AuthenticationPrincipal PantauUser user, @PathVariable long id, HttpServletResponse response)
			throws IOException {
		requireRegencyScope(user);
		CrossingQueries.Batch batch = queries.batch(id).orElseThrow(() -> new NotFoundException("batch " + id));
		Downloads.start(response, "text/csv;charset=UTF-8", "ditolak-batch-" + id + ".csv");
		try (Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8)) {
			out.write('\uFEFF');
			// the header as the file had it, each cell through the formula guard like the rows (kept guarded)
			List<String> header = new ArrayList<>(batch.header() == null ? List.of() : DelimitedRows.fields(batch.header()));
			header.add("alasan_ditolak");
			out.write(Csv.safeLine(header) + "\r\n");
			for (RowProblem row : imports.refusedRows(id, Integer.MAX_VALUE)) {
				StringBuilder reason = new StringBuilder();
				Csv.field(reason, Csv.neutralise(
						messages.message(row.reasonKey(), row.argument())));
				out.write(Csv.safeLine(DelimitedRows.fields(row.raw())) + "," + reason + "\r\n");
			}
		}
		audit.record(AuditEntry.of("CROSSINGS_REFUSED_EXPORTED").subject("IMPORT_BATCH", id)
				.detail("rows", batch.refused()));
	}
}
