/**
 * Early detection (deteksi dini): rules that look over the registry, village and monthly reports and crossings and
 * raise alerts, each a question for people with its evidence and legal reference, never a verdict.
 * <p>
 * The public face is {@link id.pantau.detection.DetectionRules} (rules, their settings and last runs, a run on
 * demand) and the event {@link id.pantau.detection.AlertsRaised}. The module listens to matching and reports.
 * <p>
 * The rules ({@code rules}) read the read models (views, {@code *_read}) that the registry, crossings, reports and
 * reference publish, in SQL: a rule is a set-based selection over persons, permits, crossings and reports, and going
 * through each module's API a record at a time would turn a sub-second query into hundreds of thousands of calls. The
 * module owns {@code rule_setting} and {@code rule_run}. Alerts are the follow-up module's: a run raises, closes and
 * reopens them through {@link id.pantau.followup.AlertBook}, never in SQL. Nothing here returns personal data to a
 * user: the administrator's page shows rules and figures.
 */
@id.pantau.platform.OwnedTables({ "rule_setting", "rule_run" })
package id.pantau.detection;
