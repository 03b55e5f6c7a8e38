/**
 * Follow-up (tindak lanjut): people act on the alerts of early detection. An alert is assigned, acknowledged,
 * followed up (field check, summons, immigration administrative action, regularisation, humanitarian referral) and
 * closed with an outcome, or dismissed as a false alert; TIMPORA meetings take open alerts as their agenda and record
 * each agency's view and the decision; the outcome is shown back on the village's report.
 * <p>
 * This module owns the tables {@code alert} and {@code alert_action} and holds the one alert aggregate
 * ({@code domain.Alert}), whose guard every change of status passes, whoever makes it. Other modules change alerts
 * only through {@link id.pantau.followup.AlertBook}: the detection engine raises them, closes them when their facts
 * change and opens again those whose closure an undone link took back; retention erases what concluded alerts say about
 * a person. {@link id.pantau.followup.Severity} and {@link id.pantau.followup.Evidence} are the alert's own words, the
 * rules' too.
 */
@id.pantau.platform.OwnedTables({
	"alert", "alert_action", "timpora_meeting", "meeting_item", "meeting_view", "meeting_attendance",
	"open_alert_count" })
@id.pantau.platform.ReadModels({ "alert_read", "alert_action_read", "open_alert_count_read" })
package id.pantau.followup;
