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
 * resource, {@code demodata/names.tsv} ({@link id.pantau.demodata.NamePools}). The generator keeps the random draws;
 * the rows go through each owner's own bulk load (PostgreSQL COPY, in the generator's one transaction): the registry's
 * {@code RegistryBulkLoad}, crossings' {@code CrossingBulkLoad}, matching's {@code MatchBulkLoad}, reports'
 * {@code ReportBulkLoad} and follow-up's {@code AlertBulkLoad}, each writing only its own tables and moving its own id
 * sequences. The command asks the owners whether the database holds more than demo data (the bulk loads' counts,
 * identity's {@code AccountOpening}, the read models {@code region_read} and {@code village_report_read}). It never
 * runs in the web application: only as a command, and it refuses a database that holds anything but demo data unless
 * told {@code --force}.
 */
package id.pantau.demodata;
