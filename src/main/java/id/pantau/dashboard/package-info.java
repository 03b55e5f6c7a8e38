/**
 * The dashboard: the home page per role with the figures of the user's area, the map of villages, the monthly recap
 * (rekapitulasi bulanan) for TIMPORA and the Wali Kota, and the alerts export.
 * <p>
 * The dashboard only reads. Its figures are SQL aggregates (GROUP BY, FILTER, GROUPING SETS) over the read models
 * (views, {@code *_read}) that the owners publish: the registry's {@code person_read}, {@code residence_read},
 * {@code stay_permit_read}, {@code person_status_change_read}; {@code crossing_read}; the reports'
 * {@code village_report_read}, {@code report_event_read}, {@code periodic_report_read}; followup's {@code alert_read},
 * {@code alert_action_read}; the reference's {@code region_read}, {@code island_read}, {@code country_read}; and the
 * counts the owners keep as their data changes, so that a regency-wide figure reads a few rows instead of recounting:
 * {@code person_present_count_read}, {@code village_report_state_count_read}, {@code crossing_month_count_read},
 * {@code open_alert_count_read}. Going
 * through each module's Java API would mean loading records to count them. Java dependencies go only to other modules' root API packages ({@code identity},
 * {@code reference}, {@code audit}, {@code platform}). The one table it owns is {@code village_point}: where an
 * administrator placed a village on the map.
 */
@id.pantau.platform.OwnedTables({ "village_point" })
package id.pantau.dashboard;
