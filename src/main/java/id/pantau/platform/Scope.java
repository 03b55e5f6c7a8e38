package id.pantau.platform;

import java.util.Collection;
import java.util.Map;
import java.util.regex.Pattern;


/**
 * A user's territorial scope: a region (village, kecamatan, city, province) and every region below it, or the whole
 * deployment. Every path that returns personal data asks its scope whether a record's region is covered. It is
 * serializable, as the signed-in user who carries it is kept in the session, in PostgreSQL.
 *
 * @param regionCode a Kemendagri region code such as {@code 81.72.01.2001}, or {@code null} for the whole deployment
 * @param unplacedHidden whether records with no region (a foreigner with no known residence) are hidden although the
 *        scope is a regency or wider: so in a deployment of several regencies, where such a record is no single
 *        regency's ({@link #within(String, Collection)})
 */
public record Scope(String regionCode, boolean unplacedHidden) implements java.io.Serializable {

	public static final Scope WHOLE_DEPLOYMENT = new Scope(null, false);

	private static final Pattern CODE = Pattern.compile("\\d{2}(\\.\\d{2}(\\.\\d{2}(\\.\\d{4})?)?)?");

	public Scope {
		if (regionCode != null && !CODE.matcher(regionCode).matches()) {
			throw new IllegalArgumentException("Not a region code: " + regionCode);
		}
		unplacedHidden = unplacedHidden && regionCode != null;
	}

	/** A scope of a deployment of one regency, or one whose records all have a region (tests, the demo). */
	public static Scope of(String regionCode) {
		return regionCode == null || regionCode.isBlank() ? WHOLE_DEPLOYMENT : new Scope(regionCode.trim(), false);
	}

	/**
	 * The scope of {@code regionCode} in a deployment serving {@code regencies}: records with no region are seen by
	 * the whole deployment and by a scope covering every regency served (Kota Tual's city in its own deployment, the
	 * province in Maluku's), not by one regency of several, which would otherwise see the unplaced foreigners of all.
	 */
	public static Scope within(String regionCode, Collection<String> regencies) {
		Scope scope = of(regionCode);
		if (scope.isWholeDeployment()) {
			return scope;
		}
		boolean coversEveryRegency = !regencies.isEmpty() && regencies.stream().allMatch(scope::covers);
		return new Scope(scope.regionCode, !coversEveryRegency);
	}

	public static boolean isRegionCode(String code) {
		return code != null && CODE.matcher(code).matches();
	}

	public boolean isWholeDeployment() {
		return regionCode == null;
	}

	/** Whether a record placed in the region {@code code} lies within this scope; a record with no region does not. */
	public boolean covers(String code) {
		if (isWholeDeployment()) {
			return true;
		}
		return code != null && (code.equals(regionCode) || code.startsWith(regionCode + "."));
	}

	/**
	 * Whether a record placed in {@code code} is visible in this scope. A record with no region (a foreigner with no
	 * known residence) belongs to the whole area served: scopes of a regency or wider see it, a kecamatan or a
	 * village does not, nor one regency of several ({@link #within(String, Collection)}).
	 */
	public boolean sees(String code) {
		return code == null ? coversUnplaced() : covers(code);
	}

	public boolean coversUnplaced() {
		return isWholeDeployment() || (!unplacedHidden && regionCode.chars().filter(c -> c == '.').count() <= 1);
	}


	/** The SQL form of {@link #sees(String)}, with the parameters of {@link #sqlParameters()}. */
	public String sqlVisibility(String column) {
		if (isWholeDeployment()) {
			return "true";
		}
		return coversUnplaced() ? "(" + column + " is null or " + sqlCondition(column) + ")" : sqlCondition(column);
	}

	/** Whether everything in {@code other} lies within this scope. */
	public boolean covers(Scope other) {
		return isWholeDeployment() || (!other.isWholeDeployment() && covers(other.regionCode));
	}

	/** Throws a {@link NotFoundException} (shown as 404, like a record that does not exist) when not covered. */
	public void requireCovers(String code, String what) {
		if (!covers(code)) {
			throw new NotFoundException(what);
		}
	}

	/**
	 * A SQL condition that keeps rows whose {@code column} holds a region code within this scope, with the named
	 * parameters of {@link #sqlParameters()}. It uses an index on {@code column text_pattern_ops}.
	 */
	public String sqlCondition(String column) {
		if (isWholeDeployment()) {
			return "true";
		}
		return "(" + column + " = :scopeCode or " + column + " like :scopePrefix)";
	}

	public Map<String, Object> sqlParameters() {
		return isWholeDeployment() ? Map.of() : Map.of("scopeCode", regionCode, "scopePrefix", regionCode + ".%");
	}
}
