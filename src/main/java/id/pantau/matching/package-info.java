/**
 * Validation (pencocokan): linking village reports and crossings to persons of the registry. The probabilistic
 * linker itself is the pure-Java {@link id.pantau.matching.linkage} package; {@code batch} is the {@code link} command
 * that runs it over two CSV files without a database.
 * <p>
 * It owns {@code match_case}, {@code match_candidate}, {@code match_batch} and {@code match_model}. The review queue
 * also reads, in the same SQL as its page of cases, the records the cases are about ({@code crossing},
 * {@code village_report}) and the crossings' batches ({@code import_batch}): its filters (source, nationality, age)
 * and its order by the record's date must apply in the database, before a page of 50 is cut, and reading each
 * owner's API for every case in scope would load them all. It never writes those tables; links go through
 * {@code CrossingRecords} and {@code ReportRecords}.
 */
package id.pantau.matching;
