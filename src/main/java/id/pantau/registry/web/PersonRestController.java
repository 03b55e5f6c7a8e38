package id.pantau.registry.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import id.pantau.audit.AuditEntry;
import id.pantau.audit.AuditTrail;
import id.pantau.platform.CaseFile;
import id.pantau.platform.IfMatch;
import id.pantau.platform.ScopedPrincipal;
import id.pantau.registry.Category;
import id.pantau.registry.PersonForm;
import id.pantau.registry.PersonStatus;
import id.pantau.registry.domain.Person;
import id.pantau.registry.domain.PersonQueries;
import id.pantau.registry.domain.PersonRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The registry over JSON, with the same scope, validation and audit as the pages. Changes name the version they
 * were based on in {@code If-Match} (the {@code ETag} of a read); a stale version is refused with 412.
 */
@RestController
@RequestMapping("/api/v1/persons")
@PreAuthorize(PersonPageController.READERS)
@Tag(name = "persons", description = "Registry of foreign nationals")
class PersonRestController {

	private final PersonRegistry registry;
	private final PersonQueries queries;
	private final AuditTrail audit;
	private final PersonCaseFile caseFile;

	PersonRestController(PersonRegistry registry, PersonQueries queries, AuditTrail audit, PersonCaseFile caseFile) {
		this.registry = registry;
		this.queries = queries;
		this.audit = audit;
		this.caseFile = caseFile;
	}

	/** One entry of a person's case file; {@code link} is the path of the record's page. */
	record TimelineEntry(CaseFile.Kind kind, Instant at, String summary, String link) {
	}

	record PersonList(List<PersonQueries.Row> rows, int page, long total, int pageSize) {
	}

	record MergeRequest(long mergedId, int version, int mergedVersion) {
	}

	@GetMapping
	@Operation(summary = "Find persons by name (any spelling), document number or NIK, with filters")
	PersonList list(@AuthenticationPrincipal ScopedPrincipal user, @RequestParam(required = false) String q,
			@RequestParam(required = false) String nationality, @RequestParam(required = false) String region,
			@RequestParam(required = false) Category category, @RequestParam(required = false) PersonStatus status,
			@RequestParam(required = false) Integer permitEndingWithinDays,
			@RequestParam(defaultValue = "RELEVANCE") PersonQueries.Sort sort,
			@RequestParam(defaultValue = "0") int page) {
		PersonQueries.Page result = queries.search(user.scope(),
				new PersonQueries.Filter(q, nationality, region, category, status, permitEndingWithinDays), sort, page);
		audit.record(AuditEntry.of("PERSON_LISTED").detail("q", q == null || q.isBlank() ? "" : "yes")
				.detail("rows", result.rows().size()).detail("via", "api")
				.shown("PERSON", result.rows().stream().map(PersonQueries.Row::id).toList()));
		return new PersonList(result.rows(), result.page(), result.total(), PersonQueries.PAGE_SIZE);
	}

	@GetMapping("/{id}")
	@Operation(summary = "Read a person; the read is audited")
	ResponseEntity<PersonRecord> read(@AuthenticationPrincipal ScopedPrincipal user, @PathVariable long id) {
		return withVersion(ResponseEntity.ok(), registry.view(user, id));
	}

	@GetMapping("/{id}/timeline")
	@Operation(summary = "A person's case file, newest first: crossings, reports, alerts, actions, decisions, matches,"
			+ " residences, documents, permits and status changes, as far as the caller may see them; audited as a read")
	List<TimelineEntry> timeline(@AuthenticationPrincipal ScopedPrincipal user, Authentication authentication,
			@PathVariable long id, @RequestParam(required = false) CaseFile.Kind kind, Locale locale) {
		registry.view(user, id);
		return caseFile.rows(user, authentication.getAuthorities(), id, kind, locale).stream()
				.map(row -> new TimelineEntry(row.kind(), row.at(), row.summary(), row.link())).toList();
	}

	@PostMapping
	@PreAuthorize(PersonPageController.EDITORS)
	@Operation(summary = "Register a person")
	ResponseEntity<PersonRecord> create(@AuthenticationPrincipal ScopedPrincipal user, @RequestBody PersonForm form) {
		Person person = registry.register(user, form);
		return withVersion(ResponseEntity.created(URI.create("/api/v1/persons/" + person.getId())), person);
	}

	@PutMapping("/{id}")
	@PreAuthorize(PersonPageController.EDITORS)
	@Operation(summary = "Change a person's identity fields; If-Match must carry the version read")
	ResponseEntity<PersonRecord> update(@AuthenticationPrincipal ScopedPrincipal user, @PathVariable long id,
			@RequestHeader(name = "If-Match", required = false) String ifMatch, @RequestBody PersonForm form) {
		return withVersion(ResponseEntity.ok(), registry.update(user, id, IfMatch.version(ifMatch), form));
	}

	@PostMapping("/{id}/merge")
	@PreAuthorize(PersonPageController.MERGERS)
	@Operation(summary = "Merge another record into this one; nothing is lost and the merge is audited")
	ResponseEntity<PersonRecord> merge(@AuthenticationPrincipal ScopedPrincipal user, @PathVariable long id,
			@RequestBody MergeRequest request) {
		return withVersion(ResponseEntity.ok(),
				registry.merge(user, id, request.version(), request.mergedId(), request.mergedVersion()));
	}

	private static ResponseEntity<PersonRecord> withVersion(ResponseEntity.BodyBuilder response, Person person) {
		return response.eTag("\"" + person.getVersion() + "\"").body(PersonRecord.of(person));
	}

}
