package id.pantau.identity.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import id.pantau.audit.AuditEntry;
import id.pantau.audit.AuditTrail;
import id.pantau.identity.ApiClientPrincipal;
import id.pantau.identity.PantauUser;
import id.pantau.identity.Role;
import id.pantau.platform.NotFoundException;
import id.pantau.platform.Scope;
import id.pantau.reference.ReferenceData;
import id.pantau.reference.Region;
import id.pantau.reference.RegionLevel;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Systems that call the API with a token. An administrator issues a client its token, which is shown once and kept
 * only as its SHA-256; the first characters stay readable so that a token can be recognised. Rotating issues a new
 * token and ends the old one at once; a disabled client's token is refused. Every change is audited.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ApiClients {

	/** How often the time of last use is written at most, so that a busy client does not write on every call. */
	static final Duration LAST_USE_PRECISION = Duration.ofMinutes(1);

	static final int TOKEN_BYTES = 32;
	static final int PREFIX_LENGTH = 8;

	private final JdbcClient jdbc;
	private final ReferenceData reference;
	private final AuditTrail audit;
	private final Clock clock;
	private final SecureRandom random = new SecureRandom();

	public record ApiClient(long id, String name, ApiClientKind kind, Role role, String scopeCode, String scopeName,
			String tokenPrefix, boolean enabled, Instant createdAt, String createdBy, Instant tokenIssuedAt,
			Instant lastUsedAt) {
	}

	/** A client and its token, which is shown to the administrator this once and never again. */
	public record Issued(ApiClient client, String token) {
	}

	@Transactional
	public Issued create(PantauUser admin, ApiClientForm form) {
		String name = form.name().trim().toLowerCase(Locale.ROOT);
		if (!form.kind().allows(form.role())) {
			throw new AccountException("apiClient.role.notForKind");
		}
		String scopeCode = checkedScope(admin, form.scopeCode());
		if (jdbc.sql("select count(*) from api_client where name = :name").param("name", name).query(Long.class)
				.single() > 0) {
			throw new AccountException("apiClient.name.taken", name);
		}
		String token = newToken();
		Instant now = clock.instant();
		long id = jdbc.sql("""
				insert into api_client (name, kind, role, scope_code, token_hash, token_prefix, enabled, created_at,
				  created_by, token_issued_at)
				values (:name, :kind, :role, :scope, :hash, :prefix, true, :now, :admin, :now) returning id""")
				.param("name", name).param("kind", form.kind().name()).param("role", form.role().name())
				.param("scope", scopeCode).param("hash", hash(token)).param("prefix", prefix(token))
				.param("now", Timestamp.from(now)).param("admin", admin.getUsername()).query(Long.class).single();
		audit.record(AuditEntry.of("API_CLIENT_CREATED").subject("API_CLIENT", id).region(scopeCode)
				.detail("name", name).detail("kind", form.kind()).detail("role", form.role())
				.detail("scope", scopeCode == null ? "*" : scopeCode).detail("prefix", prefix(token)));
		return new Issued(find(id).orElseThrow(), token);
	}

	@Transactional
	public void disable(PantauUser admin, long id) {
		ApiClient client = manageable(admin, id);
		jdbc.sql("update api_client set enabled = false where id = :id").param("id", id).update();
		audit.record(AuditEntry.of("API_CLIENT_DISABLED").subject("API_CLIENT", id).region(client.scopeCode())
				.detail("name", client.name()));
	}

	/** A new token for the client; the old one is refused from now on. */
	@Transactional
	public Issued rotate(PantauUser admin, long id) {
		ApiClient client = manageable(admin, id);
		String token = newToken();
		jdbc.sql("""
				update api_client set token_hash = :hash, token_prefix = :prefix, token_issued_at = :now
				where id = :id""").param("hash", hash(token)).param("prefix", prefix(token))
				.param("now", Timestamp.from(clock.instant())).param("id", id).update();
		audit.record(AuditEntry.of("API_CLIENT_TOKEN_ROTATED").subject("API_CLIENT", id).region(client.scopeCode())
				.detail("name", client.name()).detail("oldPrefix", client.tokenPrefix())
				.detail("prefix", prefix(token)));
		return new Issued(find(id).orElseThrow(), token);
	}

	/** The clients within the administrator's scope, by name. */
	@Transactional(readOnly = true)
	public List<ApiClient> list(PantauUser admin) {
		Scope scope = admin.scope();
		Map<String, Object> params = new HashMap<>(scope.sqlParameters());
		return jdbc.sql(SELECT + " where " + scope.sqlCondition("c.scope_code") + " order by c.name").params(params)
				.query(ApiClients::client).list();
	}

	/** The client, if the administrator's scope covers the client's; otherwise as if it did not exist. */
	@Transactional(readOnly = true)
	public ApiClient manageable(PantauUser admin, long id) {
		ApiClient client = find(id).orElseThrow(() -> new NotFoundException("api client " + id));
		if (!admin.scope().covers(Scope.of(client.scopeCode()))) {
			throw new NotFoundException("api client " + id);
		}
		return client;
	}

	/**
	 * The enabled client whose token this is. Candidates are found by the token's first characters and its hash is
	 * compared in constant time, so that the answer's timing tells nothing about how close a guess came.
	 */
	public Optional<ApiClientPrincipal> authenticate(String token) {
		if (token == null || token.length() < PREFIX_LENGTH || token.length() > 200) {
			return Optional.empty();
		}
		byte[] presented = hash(token).getBytes(StandardCharsets.US_ASCII);
		List<Candidate> candidates = jdbc.sql("""
				select id, name, role, scope_code, token_hash, enabled, last_used_at from api_client
				where token_prefix = :prefix""").param("prefix", prefix(token))
				.query((rs, n) -> new Candidate(rs.getLong("id"), rs.getString("name"), Role.valueOf(rs.getString("role")),
						rs.getString("scope_code"), rs.getString("token_hash"), rs.getBoolean("enabled"),
						instant(rs, "last_used_at")))
				.list();
		Candidate match = null;
		for (Candidate candidate : candidates) {
			if (MessageDigest.isEqual(candidate.tokenHash().getBytes(StandardCharsets.US_ASCII), presented)) {
				match = candidate;
			}
		}
		if (match == null || !match.enabled()) {
			return Optional.empty();
		}
		Instant now = clock.instant();
		if (match.lastUsedAt() == null || match.lastUsedAt().isBefore(now.minus(LAST_USE_PRECISION))) {
			jdbc.sql("""
					update api_client set last_used_at = :now
					where id = :id and (last_used_at is null or last_used_at < :since)""")
					.param("now", Timestamp.from(now)).param("since", Timestamp.from(now.minus(LAST_USE_PRECISION)))
					.param("id", match.id()).update();
		}
		return Optional.of(new ApiClientPrincipal(match.id(), match.name(), match.role(),
				reference.scope(match.scopeCode())));
	}

	/** The regions an administrator may give a client: its own scope's province and regencies. */
	public List<Region> scopeChoices(PantauUser admin) {
		return java.util.stream.Stream.of(RegionLevel.PROVINCE, RegionLevel.REGENCY)
				.flatMap(level -> reference.regionsWithin(admin.scope(), level).stream())
				.sorted(java.util.Comparator.comparing(Region::code)).toList();
	}

	private record Candidate(long id, String name, Role role, String scopeCode, String tokenHash, boolean enabled,
			Instant lastUsedAt) {
	}

	private static final String SELECT = """
			select c.id, c.name, c.kind, c.role, c.scope_code, r.name as scope_name, c.token_prefix, c.enabled,
			  c.created_at, c.created_by, c.token_issued_at, c.last_used_at
			from api_client c left join region_read r on r.code = c.scope_code""";

	private Optional<ApiClient> find(long id) {
		return jdbc.sql(SELECT + " where c.id = :id").param("id", id).query(ApiClients::client).optional();
	}

	private static ApiClient client(ResultSet rs, int n) throws SQLException {
		return new ApiClient(rs.getLong("id"), rs.getString("name"), ApiClientKind.valueOf(rs.getString("kind")),
				Role.valueOf(rs.getString("role")), rs.getString("scope_code"), rs.getString("scope_name"),
				rs.getString("token_prefix"), rs.getBoolean("enabled"), instant(rs, "created_at"),
				rs.getString("created_by"), instant(rs, "token_issued_at"), instant(rs, "last_used_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

	/**
	 * A client's scope must cover at least a regency, since crossings and the changes feed are released to the city's
	 * agencies only; and it must lie within the administrator's own.
	 */
	private String checkedScope(PantauUser admin, String value) {
		String code = value == null || value.isBlank() ? null : value.trim();
		if (code != null) {
			Region region = (Scope.isRegionCode(code) ? reference.region(code) : Optional.<Region>empty())
					.orElseThrow(() -> new AccountException("user.scope.unknown", code));
			if (region.level() != RegionLevel.PROVINCE && region.level() != RegionLevel.REGENCY) {
				throw new AccountException("apiClient.scope.tooNarrow");
			}
		}
		if (!admin.scope().covers(Scope.of(code))) {
			throw new AccountException("user.scope.outsideOwn");
		}
		return code;
	}

	private String newToken() {
		byte[] bytes = new byte[TOKEN_BYTES];
		random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static String prefix(String token) {
		return token.substring(0, PREFIX_LENGTH);
	}

	static String hash(String token) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
					.digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
