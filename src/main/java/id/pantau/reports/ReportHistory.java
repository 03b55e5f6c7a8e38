package id.pantau.reports;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A village report as it went, to be recorded in one go: what the village wrote, then each step of the workflow in
 * order, by whom and when. For reports that come whole from elsewhere, such as a prepared data set; see
 * {@link ReportHistories#record}.
 */
public final class ReportHistory {

	/** What the village wrote; the nationality's code is read from its text as the report form reads it. */
	public record Content(String namesAsHeard, String nationalityText, String sex, String ageOrBirth,
			String documentNumbers, String stayingAt, String activity, String employerOrVessel, String presentSince,
			String note) {
	}

	/** One step of the workflow, applied in order through the report's own transitions. */
	public sealed interface Step permits Submitted, Returned, Forwarded, ViewRecorded, Validated {
	}

	public record Submitted(String actor, Instant at) implements Step {
	}

	public record Returned(String reason, String actor, Instant at) implements Step {
	}

	public record Forwarded(String actor, Instant at) implements Step {
	}

	public record ViewRecorded(String agency, String text, String actor, Instant at) implements Step {
	}

	/** A view an agency gave on paper (at TIMPORA's meeting), written down by the validator. */
	public record PaperView(String agency, String text, String recordedBy, Instant recordedAt) {
	}

	public record Validated(ValidationOutcome outcome, Long personId, List<PaperView> paperViews, String note,
			String actor, Instant at) implements Step {
	}

	private final String villageCode;
	private final Content content;
	private final String author;
	private final Instant draftedAt;
	private final List<Step> steps = new ArrayList<>();
	private boolean told;

	public ReportHistory(String villageCode, Content content, String author, Instant draftedAt) {
		this.villageCode = villageCode;
		this.content = content;
		this.author = author;
		this.draftedAt = draftedAt;
	}

	public ReportHistory submit(String actor, Instant at) {
		return add(new Submitted(actor, at));
	}

	public ReportHistory returnToVillage(String reason, String actor, Instant at) {
		return add(new Returned(reason, actor, at));
	}

	public ReportHistory forward(String actor, Instant at) {
		return add(new Forwarded(actor, at));
	}

	public ReportHistory recordView(String agency, String text, String actor, Instant at) {
		return add(new ViewRecorded(agency, text, actor, at));
	}

	public ReportHistory validate(ValidationOutcome outcome, Long personId, List<PaperView> paperViews, String note,
			String actor, Instant at) {
		return add(new Validated(outcome, personId, List.copyOf(paperViews), note, actor, at));
	}

	/**
	 * The validation is told to the other modules ({@link ReportValidated}) as a validation made now is, so that
	 * they act on it; otherwise the report is recorded as history only.
	 */
	public ReportHistory tellValidation() {
		this.told = true;
		return this;
	}

	private ReportHistory add(Step step) {
		steps.add(step);
		return this;
	}

	public String villageCode() {
		return villageCode;
	}

	public Content content() {
		return content;
	}

	public String author() {
		return author;
	}

	public Instant draftedAt() {
		return draftedAt;
	}

	public List<Step> steps() {
		return List.copyOf(steps);
	}

	public boolean toldValidation() {
		return told;
	}
}
