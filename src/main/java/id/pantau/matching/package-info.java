/**
 * Validation (pencocokan): linking village reports and crossings to persons of the registry. The probabilistic
 * linker itself is the pure-Java {@link id.pantau.matching.linkage} package; {@code batch} is the {@code link} command
 * that runs it over two CSV files without a database.
 */
package id.pantau.matching;
