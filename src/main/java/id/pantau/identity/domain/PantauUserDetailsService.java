package id.pantau.identity.domain;

import java.util.Locale;

import id.pantau.identity.PantauUser;
import id.pantau.reference.ReferenceData;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class PantauUserDetailsService implements UserDetailsService {

	private final UserAccounts accounts;
	private final ReferenceData reference;

	@Override
	public PantauUser loadUserByUsername(String username) {
		return accounts.findByUsername(username == null ? "" : username.trim().toLowerCase(Locale.ROOT))
				.map(this::principal)
				.orElseThrow(() -> new UsernameNotFoundException("unknown"));
	}

	private PantauUser principal(UserAccount a) {
		return new PantauUser(a.getId(), a.getUsername(), a.getPasswordHash(), a.getFullName(), a.getRole(),
				a.getAgency(), reference.scope(a.getScopeCode()), a.isEnabled(), a.isMustChangePassword());
	}
}
