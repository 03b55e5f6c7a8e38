package id.pantau.reference;

import id.pantau.platform.Scope;

import java.util.List;
import java.util.Optional;

/** Read access to the reference data: regions, islands, countries, ports of entry and permit types. */
public interface ReferenceData {

	Optional<Region> region(String code);

	/** The regions directly below {@code code}, by name. */
	List<Region> children(String code);

	/** Every region of {@code level} within {@code scope}, by code. */
	List<Region> regionsWithin(Scope scope, RegionLevel level);

	/** The region itself and those above it, from the province down. */
	List<Region> lineage(String code);

	/** Regions whose name or code contains {@code text}, within the deployment, for pickers. */
	List<Region> searchRegions(String text, int limit);

	List<Island> islands();

	List<Country> countries();

	List<PortOfEntry> portsOfEntry();

	List<PermitType> permitTypes();

	/** The regencies (kabupaten/kota) this deployment serves. */
	List<Region> deployedRegencies();
}
