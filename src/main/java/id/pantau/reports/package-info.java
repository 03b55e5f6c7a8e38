/**
 * Village reports (laporan desa) of foreigners seen in a village, their workflow from the village to the agencies,
 * and the monthly periodic reports with their corrections.
 * <p>
 * It owns {@code village_report}, {@code report_event}, {@code report_agency_view}, {@code report_counter},
 * {@code periodic_report}, {@code periodic_report_version} and {@code periodic_month_closing}; other modules use
 * {@link id.pantau.reports.ReportRecords} and {@link id.pantau.reports.ReportChanges}
 * ({@link id.pantau.reports.ReportPersonalData} for the duties of UU 27/2022, photos included), or read the views
 * below.
 */
@id.pantau.platform.OwnedTables({
	"village_report", "report_event", "report_agency_view", "report_counter", "periodic_report",
	"periodic_report_version", "periodic_month_closing", "village_report_state_count" })
@id.pantau.platform.ReadModels({
	"village_report_read", "report_event_read", "periodic_report_read", "village_report_state_count_read" })
package id.pantau.reports;
