/**
 * Generated data sets of any size for demonstrations, benchmarks and load tests: {@code java -jar pantau.jar
 * demo-data} and the benchmarks under {@code bench/} use the same generator ({@link id.pantau.demodata.DemoDataSet},
 * with {@link id.pantau.demodata.RegistryPopulation} for the registry and {@link id.pantau.demodata.CrossingFile} for
 * travellers and crossing files).
 * <p>
 * A bulk generator writes other modules' tables directly with PostgreSQL COPY ({@code person} and its child tables,
 * {@code vessel}, {@code crossing}, {@code import_batch}, {@code match_case}, {@code match_candidate},
 * {@code village_report}, {@code report_event}, {@code periodic_report}, {@code alert}): going through each module's
 * API a record at a time would turn a minute into hours, and skip nothing the data needs, since the rows are written
 * as those modules write them (keys normalised with the registry's {@code names} interface, states and outcomes of
 * their workflows). It never runs in the web application: only as a command, and it refuses a database that holds
 * anything but demo data unless told {@code --force}. Java dependencies go only to other modules' root API packages
 * and named interfaces ({@code registry}, {@code registry.names}, {@code audit}, {@code platform}).
 */
package id.pantau.demodata;
