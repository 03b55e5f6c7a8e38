package id.pantau.reports.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import id.pantau.reports.ReportState;
import id.pantau.reports.ValidationOutcome;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Embedded;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A village's report of a foreigner seen or living there, and its way through the chain. The report guards its own
 * transitions; every step is kept with who, when and why.
 */
@Table("village_report")
public class VillageReport {

	@Id
	private Long id;
	private String number;
	private String villageCode;
	private ReportState state;
	@Embedded.Nullable
	private ReportContent content;
	private UUID photoId;
	private String photoType;
	private UUID clientKey;
	private ValidationOutcome outcome;
	private Long personId;
	private Long duplicateOf;
	private Instant createdAt;
	private String createdBy;
	private Instant stateSince;
	private Instant updatedAt;
	/** While returned to the village: the fields changed since, comma-separated; otherwise {@code null}. */
	private String changedSinceReturn;
	@Version
	private Integer version;
	@MappedCollection(idColumn = "village_report_id")
	private Set<ReportEvent> events = new HashSet<>();
	@MappedCollection(idColumn = "village_report_id")
	private Set<AgencyView> agencyViews = new HashSet<>();

	VillageReport() {
	}

	static VillageReport draft(String number, String villageCode, ReportContent content, UUID clientKey,
			String actor, Instant now) {
		VillageReport report = new VillageReport();
		report.number = number;
		report.villageCode = villageCode;
		report.state = ReportState.DRAFT;
		report.content = content;
		report.clientKey = clientKey;
		report.createdAt = now;
		report.createdBy = actor;
		report.stateSince = now;
		report.updatedAt = now;
		report.events.add(new ReportEvent(null, ReportState.DRAFT, actor, now, null));
		return report;
	}

	void edit(ReportContent content, Instant now) {
		if (!state.isEditableByVillage()) {
			throw new IllegalTransition(state, state);
		}
		if (state == ReportState.RETURNED) {
			noteChanges(changedFields(this.content, content));
		}
		this.content = content;
		this.updatedAt = now;
	}

	private void noteChanges(List<String> fields) {
		java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>();
		if (changedSinceReturn != null && !changedSinceReturn.isEmpty()) {
			all.addAll(List.of(changedSinceReturn.split(",")));
		}
		all.addAll(fields);
		changedSinceReturn = String.join(",", all);
	}

	/** The form's fields whose values differ between two contents, in the form's order. */
	static List<String> changedFields(ReportContent before, ReportContent after) {
		List<String> changed = new ArrayList<>();
		String[][] pairs = {
				{ "namesAsHeard", before.namesAsHeard(), after.namesAsHeard() },
				{ "nationalityText", before.nationalityText(), after.nationalityText() },
				{ "sex", before.sex(), after.sex() },
				{ "ageOrBirth", before.ageOrBirth(), after.ageOrBirth() },
				{ "documentNumbers", before.documentNumbers(), after.documentNumbers() },
				{ "stayingAt", before.stayingAt(), after.stayingAt() },
				{ "activity", before.activity(), after.activity() },
				{ "employerOrVessel", before.employerOrVessel(), after.employerOrVessel() },
				{ "presentSince", before.presentSince(), after.presentSince() },
				{ "note", before.note(), after.note() } };
		for (String[] pair : pairs) {
			if (!java.util.Objects.equals(pair[1], pair[2])) {
				changed.add(pair[0]);
			}
		}
		return changed;
	}

	void attachPhoto(UUID photoId, String type, Instant now) {
		if (!state.isEditableByVillage()) {
			throw new IllegalTransition(state, state);
		}
		if (state == ReportState.RETURNED) {
			noteChanges(List.of("photo"));
		}
		this.photoId = photoId;
		this.photoType = type;
		this.updatedAt = now;
	}

	void submit(String actor, Instant now) {
		move(ReportState.SUBMITTED, actor, now, null);
	}

	void returnToVillage(String reason, String actor, Instant now) {
		if (reason == null || reason.isBlank()) {
			throw new IllegalArgumentException("A report is returned with a reason");
		}
		move(ReportState.RETURNED, actor, now, reason.strip());
	}

	void forward(String actor, Instant now) {
		move(ReportState.FORWARDED, actor, now, null);
	}

	/**
	 * An agency's own view, while the report waits for the joint validation; it replaces what the same agency said
	 * before. Views collected on paper come with the conclusion, not here.
	 */
	void recordView(String agency, String text, String actor, Instant now) {
		if (state != ReportState.FORWARDED) {
			throw new IllegalTransition(state, state);
		}
		agencyViews.removeIf(v -> v.agency().equals(agency));
		agencyViews.add(new AgencyView(agency, text, actor, now, false));
		updatedAt = now;
	}

	/** Whether the agency has spoken on this report, from its own account or on paper. */
	public boolean hasViewOf(String agency) {
		return agencyViews.stream().anyMatch(v -> v.agency().equals(agency));
	}

	void validate(ValidationOutcome outcome, Long personId, Long duplicateOf, List<AgencyView> paperViews,
			String note, String actor, Instant now) {
		for (AgencyView view : paperViews) {
			if (hasViewOf(view.agency())) {
				throw new IllegalArgumentException(view.agency() + " has already given its view");
			}
		}
		move(outcome.state(), actor, now, note);
		this.outcome = outcome;
		this.personId = personId;
		this.duplicateOf = duplicateOf;
		this.agencyViews.addAll(paperViews);
	}

	private void move(ReportState next, String actor, Instant now, String reason) {
		if (!state.canTransitionTo(next)) {
			throw new IllegalTransition(state, next);
		}
		String changes = state == ReportState.RETURNED && next == ReportState.SUBMITTED
				? (changedSinceReturn == null ? "" : changedSinceReturn) : null;
		events.add(new ReportEvent(state, next, actor, now, reason, changes));
		changedSinceReturn = next == ReportState.RETURNED ? "" : null;
		state = next;
		stateSince = now;
		updatedAt = now;
	}

	/** Why the report was last sent back to the village, while it waits there. */
	public String getReturnReason() {
		return state != ReportState.RETURNED ? null
				: getEvents().stream().filter(e -> e.toState() == ReportState.RETURNED).findFirst()
						.map(ReportEvent::reason).orElse(null);
	}

	/** Whether the report has already been submitted (it stands at BPMPD or further down the chain). */
	public boolean isSubmitted() {
		return state != ReportState.DRAFT && state != ReportState.RETURNED;
	}

	/**
	 * A report BPMPD returned and the village fixed and sent again, while it waits at BPMPD: why it was returned
	 * and what the village changed since.
	 */
	public record Resubmission(String previousReason, List<String> changedFields, Instant at) {
	}

	/** The resubmission the report waits with, or {@code null} for a report submitted for the first time. */
	public Resubmission getResubmission() {
		if (state != ReportState.SUBMITTED) {
			return null;
		}
		List<ReportEvent> history = getEvents();
		ReportEvent last = history.get(0);
		if (last.fromState() != ReportState.RETURNED) {
			return null;
		}
		String reason = history.stream().filter(e -> e.toState() == ReportState.RETURNED).findFirst()
				.map(ReportEvent::reason).orElse(null);
		return new Resubmission(reason, last.changes(), last.at());
	}

	/** Whether the village has fixed and resubmitted the report after a return, and it waits at BPMPD again. */
	public boolean isResubmitted() {
		return getResubmission() != null;
	}

	public Long getId() {
		return id;
	}

	public String getNumber() {
		return number;
	}

	public String getVillageCode() {
		return villageCode;
	}

	public ReportState getState() {
		return state;
	}

	public ReportContent getContent() {
		return content;
	}

	public UUID getPhotoId() {
		return photoId;
	}

	public String getPhotoType() {
		return photoType;
	}

	public UUID getClientKey() {
		return clientKey;
	}

	public ValidationOutcome getOutcome() {
		return outcome;
	}

	public Long getPersonId() {
		return personId;
	}

	public Long getDuplicateOf() {
		return duplicateOf;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}

	public String getCreatedBy() {
		return createdBy;
	}

	public Instant getStateSince() {
		return stateSince;
	}

	public Instant getUpdatedAt() {
		return updatedAt;
	}

	public Integer getVersion() {
		return version;
	}

	/** Newest first; the creation of the draft last, even when the first step came in the same instant. */
	public List<ReportEvent> getEvents() {
		List<ReportEvent> list = new ArrayList<>(events);
		list.sort(Comparator.comparing(ReportEvent::at).reversed()
				.thenComparing(e -> e.fromState() == null));
		return list;
	}

	public List<AgencyView> getAgencyViews() {
		List<AgencyView> list = new ArrayList<>(agencyViews);
		list.sort(Comparator.comparing(AgencyView::agency));
		return list;
	}
}
