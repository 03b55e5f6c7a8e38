/**
 * Follow-up (tindak lanjut): people act on the alerts of early detection. An alert is assigned, acknowledged,
 * followed up (field check, summons, immigration administrative action, regularisation, humanitarian referral) and
 * closed with an outcome, or dismissed as a false alert; TIMPORA meetings take open alerts as their agenda and record
 * each agency's view and the decision; the outcome is shown back on the village's report. The detection module writes
 * the alerts, this module only their workflow fields.
 */
@id.pantau.platform.OwnedTables({
	"alert", "alert_action", "timpora_meeting", "meeting_item", "meeting_view", "meeting_attendance" })
@id.pantau.platform.ReadModels({ "alert_read", "alert_action_read" })
package id.pantau.followup;
