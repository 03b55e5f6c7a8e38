/**
 * Reference data: regions (province to ohoi), islands, countries and nationalities, ports of entry and permit types.
 * <p>
 * It owns {@code region}, {@code island}, {@code country}, {@code port_of_entry} and {@code permit_type}; other
 * modules use {@link id.pantau.reference.ReferenceData} or read the views below.
 */
@id.pantau.platform.OwnedTables({ "region", "island", "country", "port_of_entry", "permit_type" })
@id.pantau.platform.ReadModels({ "region_read", "island_read", "country_read", "permit_type_read" })
package id.pantau.reference;
