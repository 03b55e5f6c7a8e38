package id.pantau.reference;

import java.util.List;
import java.util.Optional;

import id.pantau.platform.Scope;

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

	/**
	 * The country that {@code text} names, given as an alpha-3 or alpha-2 code, an MRZ code, the Indonesian or English
	 * name, or a usual variant (Burma, Tiongkok, Korsel, Muangthai...), ignoring case, accents, spaces and
	 * punctuation. The German MRZ code {@code D} gives DEU and the British MRZ codes (GBD, GBN, GBO, GBP, GBS) give GBR.
	 * Otherwise no code, but the closest countries as suggestions.
	 */
	NationalityMatch resolveNationality(String text);

	List<PortOfEntry> portsOfEntry();

	List<PermitType> permitTypes();

	/** The regencies (kabupaten/kota) this deployment serves. */
	List<Region> deployedRegencies();

	/**
	 * The scope of a region code (null: the whole deployment) in this deployment, for a signed-in user or a part of
	 * the area one looks at: see {@link Scope#within(String, java.util.Collection)}.
	 */
	default Scope scope(String regionCode) {
		return Scope.within(regionCode, deployedRegencies().stream().map(Region::code).toList());
	}
}
