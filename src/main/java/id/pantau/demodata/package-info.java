/**
 * Demo data, and generated data sets of any size for demonstrations, benchmarks and load tests.
 * <p>
 * The demonstration of Kota Tual ({@link id.pantau.demodata.DemoInstallation}: accounts, about 200 foreigners, village
 * and monthly reports, a batch of crossings) is loaded on the first start of the embedded database through each
 * owner's API: identity's {@code AccountOpening}, the registry's {@code registerHistories}/{@code registerVessels},
 * reports' {@code ReportHistories}, crossings' {@code KnownCrossings}.
 * <p>
 * {@code java -jar pantau.jar demo-data} and the benchmarks under {@code bench/} use one generator
 * ({@link id.pantau.demodata.DemoDataSet}, with {@link id.pantau.demodata.RegistryPopulation} for the registry and
 * {@link id.pantau.demodata.CrossingFile} for travellers and crossing files). Name pools for all of them are one
 * resource, {@code demodata/names.tsv} ({@link id.pantau.demodata.NamePools}). The registry's persons and vessels go
 * through the registry's own bulk load ({@code RegistryBulkLoad}, PostgreSQL COPY); the other tables of a generated set
 * ({@code crossing}, {@code import_batch}, {@code match_case}, {@code match_candidate}, {@code village_report},
 * {@code report_event}, {@code periodic_report}, {@code alert}) are still written here with COPY, as those modules
 * write them, until their owners offer a bulk load of their own. It never runs in the web application: only as a
 * command, and it refuses a database that holds anything but demo data unless told {@code --force}.
 */
package id.pantau.demodata;
