package id.pantau.exchange.web;

import id.pantau.exchange.domain.ChangesFeed;
import id.pantau.platform.ScopedPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The changes feed through which partner systems stay in step with Pantau. */
@RestController
@RequestMapping("/api/v1/changes")
@PreAuthorize("hasAnyRole('KESBANGPOL', 'TIMPORA', 'IMIGRASI')")
@Tag(name = "changes", description = "Changes feed for partner systems")
@SecurityRequirement(name = "bearerAuth")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ChangesRestController {

	private final ChangesFeed feed;

	@GetMapping
	@Operation(summary = "Crossings and concluded village reports that changed after a cursor, oldest first",
			description = """
					Returns what changed after `since`: crossings (type `CROSSING`) and village reports that Kesbangpol \
					validated or rejected with TIMPORA (type `VILLAGE_REPORT`, with their outcome), each with its id, \
					its data as it is now (`payload`) and the cursor just after it. Keep `next` and send it as `since` \
					next time; while `hasMore` is true, ask again at once. Start with `since=0` (or none).

					Semantics: at-least-once. No change is ever skipped, including one whose transaction commits \
					after a later one (changes are released only once every older transaction has finished, so a \
					change may show a moment later than it was written). A record appears again after each later \
					change to it, with its new data: process items idempotently by `type` and `id`, keeping the \
					latest. A cursor stays valid indefinitely and is opaque: do not build or change it.

					Crossings are released to readers whose scope covers a whole regency or more; reports only \
					within the reader's scope. Each read is audited (CHANGES_READ, with the ids of the records given).

					Audit anchor: `auditCheckpoint` is the newest signed checkpoint of Pantau's audit trail (`kind`, \
					`lastId`, `hash`, `at`, `keyId`, `signature`); `auditPublicKey` is the Ed25519 public key (base64 \
					of its X.509 form) that checks it. The signature covers the UTF-8 text \
					`pantau-audit-checkpoint/v1\\n{kind}\\n{lastId}\\n{hash}\\n{at}`. Keep every checkpoint you \
					receive and pin the key at the first read: Pantau's `verify-audit` compares its trail with them, \
					and your copies show a trail rewritten or cut short in Pantau's database.""")
	ChangesFeed.Changes changes(@AuthenticationPrincipal ScopedPrincipal reader,
			@Parameter(description = "The `next` cursor of the previous answer; 0 or none from the beginning")
			@RequestParam(required = false) String since,
			@Parameter(description = "At most this many changes (1 to 1000)")
			@RequestParam(defaultValue = "" + ChangesFeed.DEFAULT_LIMIT) int limit) {
		return feed.read(reader, since, limit);
	}
}
