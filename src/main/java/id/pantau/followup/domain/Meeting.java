package id.pantau.followup.domain;

import java.time.Instant;
import java.util.List;

/** A TIMPORA meeting (rapat tim pengawasan orang asing): when, where, who chairs it, and whether it was held. */
public record Meeting(long id, Instant heldAt, String place, String chair, String status, String notes,
		String createdBy, Instant createdAt, int version) {

	public boolean isPlanned() {
		return "PLANNED".equals(status);
	}

	/** An item of the agenda: an alert, its place on the agenda, the agencies' views and the decision. */
	public record Item(Alert alert, int position, String decision, List<AgencyView> views) {
	}

	public record AgencyView(String agency, String view) {
	}

	public record Attendance(String agency, String attendee) {
	}

	/** The meeting as a user sees it: only the agenda items whose alerts lie within the user's scope. */
	public record Detail(Meeting meeting, List<Item> items, List<Attendance> attendance, int hiddenItems) {
	}
}
