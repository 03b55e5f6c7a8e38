package id.pantau.registry.web;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import id.pantau.audit.AuditEntry;
import id.pantau.audit.AuditTrail;
import id.pantau.platform.CaseFile;
import id.pantau.platform.IfMatch;
import id.pantau.platform.InvalidInput;
import id.pantau.platform.NotFoundException;
import id.pantau.platform.ScopedPrincipal;
import id.pantau.registry.Category;
import id.pantau.registry.PersonForm;
import id.pantau.registry.PersonStatus;
import id.pantau.registry.domain.Person;
import id.pantau.registry.domain.PersonQueries;
import id.pantau.registry.domain.PersonRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
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
import tools.jackson.databind.JsonNode;

/**
 * The registry over JSON, with the same scope, validation and audit as the pages. Changes name the version they
 * were based on in {@code If-Match} (the {@code ETag} of a read); a stale version is refused with 412.
 */
@RestController
@RequestMapping("/api/v1/persons")
@PreAuthorize(PersonPageController.READERS)
@Tag(name = "persons", description = "Registry of foreign nationals")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class PersonRestController {

	private final PersonRegistry registry;
	private final PersonQueries queries;
	private final AuditTrail audit;
	private final PersonCaseFile caseFile;

	/** One entry of a person's case file; {@code link} is the path of the record's page. */
	record TimelineEntry(CaseFile.Kind kind, Instant at, String summary, String link) {
	}

	/**
	 * @param total the persons the filter selects, exactly when {@code totalExact}; else at least this many (the
	 *        count stops at {@link PersonQueries#COUNT_BOUND}, and a name search answered by the persons bearing the
	 *        name or close names counts those) and {@code hasNext} says whether to ask for the next page
	 */
	record PersonList(List<PersonQueries.Row> rows, int page, long total, int pageSize, boolean totalExact,
			boolean hasNext) {
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
		return new PersonList(result.rows(), result.page(), result.total(), PersonQueries.PAGE_SIZE,
				result.totalExact(), result.hasNext());
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

	/**
	 * The identity fields a PUT replaces, all of them: the body of a PUT is the whole of the identity (RFC 9110), so a
	 * field left out would be blanked. Rather than blank it by mistake, a body that leaves one out is refused.
	 */
	static final List<String> IDENTITY_FIELDS = List.of("primaryName", "sex", "birthDate", "nationality",
			"claimedNationality", "category", "notes");

	/** The body of a PUT, for the API's description: every field present, null (or "") to clear one. */
	@Schema(requiredProperties = { "primaryName", "sex", "birthDate", "nationality", "claimedNationality", "category",
			"notes" })
	record IdentityReplacement(String primaryName, String sex, String birthDate, String nationality,
			String claimedNationality, String category, String notes) {
	}

	@PutMapping("/{id}")
	@PreAuthorize(PersonPageController.EDITORS)
	@Operation(summary = "Replace a person's identity fields; If-Match must carry the version read",
			description = "PUT replaces the identity as a whole: the body must name every identity field (primaryName,"
					+ " sex, birthDate, nationality, claimedNationality, category, notes), with null or \"\" to clear"
					+ " one. A body that leaves any out is refused with 400, its problem detail listing each missing"
					+ " field under errors, so that nothing is blanked by a field forgotten. There is no PATCH: read the"
					+ " person, change what you need and send the whole identity back. Documents, permits, residence"
					+ " and vessels are added through their own steps and are not read here.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(schema = @Schema(implementation = IdentityReplacement.class))))
	ResponseEntity<PersonRecord> update(@AuthenticationPrincipal ScopedPrincipal user, @PathVariable long id,
			@RequestHeader(name = "If-Match", required = false) String ifMatch, @RequestBody JsonNode body) {
		if (registry.seen(user, id).isEmpty()) {
			throw new NotFoundException("person " + id);
		}
		return withVersion(ResponseEntity.ok(), registry.update(user, id, IfMatch.version(ifMatch), whole(body)));
	}

	/** The identity in the body, when it names every field; else each missing field is a problem. */
	static PersonForm whole(JsonNode body) {
		if (body == null || !body.isObject()) {
			throw InvalidInput.of("body", "api.persons.notAnObject");
		}
		List<InvalidInput.Problem> problems = new ArrayList<>();
		for (String field : IDENTITY_FIELDS) {
			JsonNode value = body.get(field);
			if (value == null || value.isMissingNode()) {
				problems.add(new InvalidInput.Problem(field, "api.persons.fieldMissing"));
			}
			else if (!value.isNull() && !value.isValueNode()) {
				problems.add(new InvalidInput.Problem(field, "api.persons.notText", field));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		return new PersonForm(text(body, "primaryName"), null, text(body, "sex"), text(body, "birthDate"),
				text(body, "nationality"), text(body, "claimedNationality"), text(body, "category"),
				text(body, "notes"), null, null, null, null, null, null, null, null, null, null);
	}

	private static String text(JsonNode body, String field) {
		JsonNode value = body.get(field);
		return value == null || value.isNull() ? null : value.asString();
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
