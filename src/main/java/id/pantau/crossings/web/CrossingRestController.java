package id.pantau.crossings.web;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import id.pantau.audit.AuditEntry;
import id.pantau.audit.AuditTrail;
import id.pantau.crossings.Direction;
import id.pantau.crossings.domain.CrossingFeed;
import id.pantau.crossings.domain.CrossingQueries;
import id.pantau.crossings.domain.ValueMappings;
import id.pantau.identity.ApiClientPrincipal;
import id.pantau.platform.ProblemMessages;
import id.pantau.platform.ScopedPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Crossings over JSON: Immigration's system posts records as they happen, and the city's agencies (and their systems)
 * list them with the page's filters. Crossings are released to scopes of a whole regency or more.
 */
@RestController
@RequestMapping("/api/v1/crossings")
@PreAuthorize("hasAnyRole('IMIGRASI', 'KESBANGPOL', 'TIMPORA')")
@Tag(name = "crossings", description = "Immigration's entry and exit records (data perlintasan)")
@SecurityRequirement(name = "bearerAuth")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class CrossingRestController {

	private final CrossingFeed feed;
	private final CrossingQueries queries;
	private final ProblemMessages messages;
	private final AuditTrail audit;

	/** One record as posted (for the OpenAPI document; the request is read as JSON and checked record by record). */
	@Schema(name = "CrossingInput", description = "One crossing record, with the English column names of the file")
	record CrossingInput(
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "ENTRY", description = "ENTRY/EXIT (or MASUK/KELUAR)") String direction,
			@JsonProperty("crossed_at") @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2026-03-01T14:30:00+09:00", description = "with a zone, or the port's local time (WIT)") String crossedAt,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "TUAL-LAUT", description = "port of entry (TPI), code or name") String port,
			@JsonProperty("document_number") @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "MA1234567") String documentNumber,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "MMR", description = "alpha-3, alpha-2 or a name") String nationality,
			@JsonProperty("full_name") @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "KYAW MIN HTUN") String fullName,
			@JsonProperty("birth_date") @Schema(example = "1979-03-15", description = "a date or a year") String birthDate,
			@Schema(example = "M", description = "M/F (or L/P)") String sex,
			@JsonProperty("permit_type") @Schema(example = "VOA") String permitType,
			@JsonProperty("stay_until") @Schema(example = "2026-03-31") String stayUntil,
			@Schema(example = "KM Sirimau") String transport) {
	}

	@Schema(name = "CrossingsRequest", description = "The records with the request's legal basis and origin")
	record CrossingsRequest(@ArraySchema(schema = @Schema(implementation = CrossingInput.class)) List<CrossingInput> records,
			@JsonProperty("legal_basis") @Schema(example = "Surat Kanim Tual W.27-123") String legalBasis,
			@Schema(example = "SIMKIM Kanim Tual") String origin) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record RecordResult(int index, CrossingFeed.Status status, String reason) {
	}

	/** A value the records wrote that is not known for the origin: the records were kept with it as written. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Warning(@Schema(example = "port", description = "the records' field: port or permit_type") String field,
			@Schema(example = "TPI Tual") String written, int records, String message) {
	}

	record Received(long batchId, boolean alreadyReceived, int received, int added, int known, int refused,
			List<RecordResult> records, List<Warning> warnings) {
	}

	record CrossingList(List<CrossingQueries.Row> rows, int page, int pageSize, boolean hasNext) {
	}

	@PostMapping
	@PreAuthorize("hasRole('IMIGRASI')")
	@Operation(summary = "Add crossing records (Immigration); each record is added, known already, or refused",
			description = """
					The body is a JSON array of records, or an object {"records": [...], "legal_basis": ..., \
					"origin": ...}; the legal basis on which the data is released and its origin are required, as \
					body fields or as query parameters. At most 10,000 records a request, all stored or none. \
					A record whose natural key (document, nationality, direction, time, port) is already stored is \
					answered KNOWN and not added again, so a record may safely be sent twice; the same request sent \
					again is recognised and adds nothing. Each record's answer gives its index in the array, its \
					status (ADDED, KNOWN, REFUSED) and, when refused, the reason. A port or permit type that is \
					not known (nor mapped for the origin) refuses nothing: the record is kept with the value as \
					written, and the answer's warnings list each such value with how many records carry it, until \
					someone maps it once for the origin.""",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
					mediaType = "application/json", schema = @Schema(oneOf = { CrossingsRequest.class,
							CrossingInput[].class }))))
	Received add(@AuthenticationPrincipal ScopedPrincipal user, @RequestBody JsonNode body,
			@RequestParam(name = "legal_basis", required = false) String legalBasis,
			@RequestParam(required = false) String origin) {
		JsonNode records = body;
		if (body != null && body.isObject()) {
			records = body.get("records");
			legalBasis = text(body.get("legal_basis"), legalBasis);
			origin = text(body.get("origin"), origin);
		}
		String username = user.getUsername();
		String source = username.startsWith(ApiClientPrincipal.PREFIX) ? username : ApiClientPrincipal.PREFIX + username;
		CrossingFeed.Received received = feed.receive(username, source, records, legalBasis, origin);
		return new Received(received.batchId(), received.alreadyReceived(), received.records().size(),
				received.added(), received.known(), received.refused(),
				received.records().stream().map(r -> new RecordResult(r.index(), r.status(),
						r.reasonKey() == null ? null : messages.message(r.reasonKey(), r.reasonArgument())))
						.toList(),
				received.unknown().stream().map(u -> new Warning(
						u.field() == ValueMappings.Field.PORT ? "port" : "permit_type", u.written(), u.rows(),
						UnknownValueWords.say(messages, u))).toList());
	}

	@GetMapping
	@Operation(summary = "List crossings, newest first, with the filters of the page; the list is audited")
	CrossingList list(@AuthenticationPrincipal ScopedPrincipal user,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) Direction direction, @RequestParam(required = false) String port,
			@RequestParam(required = false) String nationality, @RequestParam(required = false) Boolean linked,
			@RequestParam(defaultValue = "0") int page) {
		if (!user.scope().coversUnplaced()) {
			throw new AccessDeniedException("crossings are released to regency-wide scopes");
		}
		CrossingQueries.Page result = queries.list(
				new CrossingQueries.Filter(from, to, direction, port, nationality, linked), page);
		audit.record(AuditEntry.of("CROSSINGS_LISTED").detail("rows", result.rows().size()).detail("via", "api")
				.shown("CROSSING", result.rows().stream().map(CrossingQueries.Row::id).toList()));
		return new CrossingList(result.rows(), result.page(), CrossingQueries.PAGE_SIZE, result.hasNext());
	}

	@ExceptionHandler(CrossingFeed.TooManyRecords.class)
	ProblemDetail tooMany() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
				messages.message("api.crossings.tooMany", CrossingFeed.MAX_RECORDS));
		problem.setProperty("code", "crossings.tooMany");
		return problem;
	}

	private static String text(JsonNode node, String otherwise) {
		return node != null && node.isValueNode() && !node.isNull() ? node.asString() : otherwise;
	}
}
