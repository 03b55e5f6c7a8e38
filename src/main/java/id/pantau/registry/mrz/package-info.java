/**
 * Reading the machine-readable zone (ICAO Doc 9303) of passports, identity cards and visas as a person pastes or
 * a scanner types it: {@link id.pantau.registry.mrz.MrzParser} and its {@link id.pantau.registry.mrz.MrzResult}, which
 * the {@code mrz} command of {@code registry.cli} prints. Self-contained: it needs neither Spring nor the database.
 */
@org.springframework.modulith.NamedInterface("mrz")
package id.pantau.registry.mrz;
