package id.pantau.followup.domain;

import id.pantau.identity.Agency;
import id.pantau.identity.ApiClientPrincipal;
import id.pantau.identity.PantauUser;
import id.pantau.identity.Role;
import id.pantau.platform.Scope;
import id.pantau.platform.ScopedPrincipal;
import org.springframework.security.access.AccessDeniedException;

/** Who acts on an alert or a meeting: a signed-in user or a system with a token, with its role, agency and scope. */
public record Actor(String name, Role role, Agency agency, Scope scope) implements ScopedPrincipal {

	public static Actor of(ScopedPrincipal principal) {
		if (principal instanceof Actor actor) {
			return actor;
		}
		if (principal instanceof PantauUser user) {
			return new Actor(user.getUsername(), user.role(), user.agency(), user.scope());
		}
		if (principal instanceof ApiClientPrincipal client) {
			Agency agency = switch (client.role()) {
				case IMIGRASI -> Agency.IMIGRASI;
				case KESBANGPOL -> Agency.KESBANGPOL;
				case BPMPD -> Agency.BPMPD;
				case OHOI -> Agency.PEMERINTAH_OHOI;
				default -> null;
			};
			return new Actor(client.getUsername(), client.role(), agency, client.scope());
		}
		throw new AccessDeniedException("no user");
	}

	@Override
	public String getUsername() {
		return name;
	}
}
