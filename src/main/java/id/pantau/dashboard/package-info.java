/**
 * The dashboard: the home page per role with the figures of the user's area, the map of villages, the monthly recap
 * (rekapitulasi bulanan) for TIMPORA and the Wali Kota, and the alerts export.
 * <p>
 * The dashboard only reads. Its figures are SQL aggregates (GROUP BY, FILTER, GROUPING SETS) over other modules'
 * tables ({@code person}, {@code residence}, {@code stay_permit}, {@code person_status_change}, {@code crossing},
 * {@code village_report}, {@code periodic_report}, {@code alert}, {@code alert_action}, {@code region},
 * {@code island}, {@code country}):
 * counting a table is not a use of the module that owns it, and going through each module's Java API would mean
 * loading records to count them. Java dependencies go only to other modules' root API packages ({@code identity},
 * {@code reference}, {@code audit}, {@code platform}). The one table it owns is {@code village_point}: where an
 * administrator placed a village on the map.
 */
package id.pantau.dashboard;
