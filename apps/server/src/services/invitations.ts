import type { CreatedInvitation, InvitationPreview, InvitationView, Role } from "@junction/domain";
import {
  addMembership,
  appendAudit,
  createUser,
  findInvitation,
  findMembership,
  findNetwork,
  findOrganisation,
  findUserByEmail,
  findUserById,
  type InvitationRecord,
  insertInvitation,
  listInvitations,
  markInvitationAccepted,
  revokeInvitation,
  type UserRecord,
} from "@junction/store";
import { checkPasswordRules, hashPassword } from "../auth/passwords";
import { issueSecret, parseSecret, secretMatches } from "../auth/secrets";
import type { Deps } from "../deps";
import { AppError } from "../errors";
import { msg } from "../i18n/message";
import { requireNetworkAdministration } from "./access";
import type { Caller } from "./caller";
import {
  recordFailedAttempt,
  requireAttemptAllowed,
  verifyAccountPassword,
} from "./password-attempts";

const DAY = 24 * 60 * 60 * 1000;
// one message for unknown, used, revoked and expired links: nothing to learn by probing
const INVALID = msg("invitation.invalid");

function status(invitation: InvitationRecord, now: number): InvitationView["status"] {
  if (invitation.acceptedAt !== null) return "accepted";
  if (invitation.revokedAt !== null) return "revoked";
  return invitation.expiresAt <= now ? "expired" : "pending";
}

function toView(deps: Deps, invitation: InvitationRecord): InvitationView {
  return {
    id: invitation.id,
    networkId: invitation.networkId,
    email: invitation.email,
    organisationId: invitation.organisationId,
    organisationName: findOrganisation(deps.db, invitation.organisationId)?.name ?? "",
    role: invitation.role,
    invitedBy: findUserById(deps.db, invitation.invitedBy)?.name ?? "",
    createdAt: new Date(invitation.createdAt).toISOString(),
    expiresAt: new Date(invitation.expiresAt).toISOString(),
    status: status(invitation, deps.now()),
  };
}

export function listNetworkInvitations(
  deps: Deps,
  caller: Caller,
  networkId: string,
): InvitationView[] {
  requireNetworkAdministration(deps, caller, networkId, "member.invite");
  return listInvitations(deps.db, networkId).map((i) => toView(deps, i));
}

export async function inviteMember(
  deps: Deps,
  caller: Caller,
  networkId: string,
  input: { email: string; organisationId: string; role: Role; locale?: string | undefined },
  origin: string,
  callerLocale = "en",
): Promise<CreatedInvitation> {
  requireNetworkAdministration(deps, caller, networkId, "member.invite");
  if (input.locale !== undefined && !deps.i18n.isAvailable(input.locale)) {
    throw new AppError(
      "validation_failed",
      msg("locale.unknown", {
        locale: input.locale,
        locales: deps.i18n
          .locales()
          .map((info) => info.code)
          .join(", "),
      }),
    );
  }
  const organisation = findOrganisation(deps.db, input.organisationId);
  if (!organisation || organisation.networkId !== networkId) {
    throw new AppError(
      "validation_failed",
      msg("invitation.organisationOutside", { organisationId: input.organisationId }),
    );
  }
  const existing = findUserByEmail(deps.db, input.email);
  if (existing && findMembership(deps.db, networkId, existing.id)) {
    throw new AppError("conflict", msg("invitation.alreadyMember", { email: input.email }));
  }
  const now = deps.now();
  // a new invitation replaces any pending one to the same address: only the latest link works
  for (const pending of listInvitations(deps.db, networkId)) {
    if (pending.email === input.email.toLowerCase() && status(pending, now) === "pending") {
      revokeInvitation(deps.db, pending.id, now);
    }
  }
  const issued = issueSecret();
  const invitation: InvitationRecord = {
    id: issued.id,
    secretHash: issued.secretHash,
    networkId,
    email: input.email.toLowerCase(),
    organisationId: input.organisationId,
    role: input.role,
    invitedBy: caller.user.id,
    createdAt: now,
    expiresAt: now + deps.config.invitationDays * DAY,
    acceptedAt: null,
    revokedAt: null,
  };
  insertInvitation(deps.db, invitation);
  appendAudit(
    deps.db,
    {
      actorId: caller.user.id,
      action: "invitation.create",
      networkId,
      subject: invitation.id,
      detail: { email: invitation.email, role: input.role, organisationId: input.organisationId },
      ip: caller.ip,
    },
    now,
  );
  const link = `${deps.config.publicUrl ?? origin}/invitations/${issued.token}`;
  const network = findNetwork(deps.db, networkId);
  if (deps.mailer.enabled) {
    // the invitee's language is not known yet: the one the inviter chose for them, else the
    // invitee's if they have an account, else the inviter's own
    const locale =
      input.locale ??
      (existing?.locale && deps.i18n.isAvailable(existing.locale) ? existing.locale : callerLocale);
    const values = {
      inviter: caller.user.name,
      network: network?.name ?? "Junction",
      organisation: organisation.name,
      role: input.role,
      link,
      expires: new Date(invitation.expiresAt),
    };
    await deps.mailer.send({
      to: invitation.email,
      subject: deps.i18n.format(locale, msg("invitation.mailSubject", values)),
      text: deps.i18n.format(locale, msg("invitation.mailText", values)),
    });
  }
  return { ...toView(deps, invitation), link };
}

export function revokeNetworkInvitation(deps: Deps, caller: Caller, invitationId: string): void {
  const invitation = findInvitation(deps.db, invitationId);
  if (!invitation) throw new AppError("not_found", msg("invitation.notFound", { invitationId }));
  requireNetworkAdministration(deps, caller, invitation.networkId, "member.invite");
  if (!revokeInvitation(deps.db, invitationId, deps.now())) {
    throw new AppError("conflict", msg("invitation.closed"));
  }
  appendAudit(
    deps.db,
    {
      actorId: caller.user.id,
      action: "invitation.revoke",
      networkId: invitation.networkId,
      subject: invitationId,
      ip: caller.ip,
    },
    deps.now(),
  );
}

// one message for a wrong password and for an address without an account: nothing to learn
const WRONG_PASSWORD = msg("invitation.wrongPassword");

/**
 * The pending invitation a link names. A wrong secret counts as a failed attempt from the
 * caller's address, like a wrong password (links are long random secrets: this only stops a
 * flood); used, revoked and expired links answer like unknown ones.
 */
function usableInvitation(deps: Deps, token: string, ip: string | null): InvitationRecord {
  requireAttemptAllowed(deps, { ip });
  const parsed = parseSecret(token);
  const invitation = parsed ? findInvitation(deps.db, parsed.id) : null;
  if (!parsed || !invitation || !secretMatches(parsed.secret, invitation.secretHash)) {
    recordFailedAttempt(deps, { ip });
    throw new AppError("invitation_invalid", INVALID);
  }
  if (status(invitation, deps.now()) !== "pending")
    throw new AppError("invitation_invalid", INVALID);
  return invitation;
}

/**
 * What the link offers. It never says whether the address already has an account: the link
 * also reaches the coordinator who made it, and account existence is not theirs to learn.
 */
export function previewInvitation(deps: Deps, token: string, ip: string | null): InvitationPreview {
  const invitation = usableInvitation(deps, token, ip);
  return {
    networkId: invitation.networkId,
    networkName: findNetwork(deps.db, invitation.networkId)?.name ?? "",
    organisationName: findOrganisation(deps.db, invitation.organisationId)?.name ?? "",
    role: invitation.role,
    email: invitation.email,
  };
}

/**
 * Who accepts: the signed-in user with the invited address; or, signed out, the account with
 * that address proving its password (no `name`), or a new account (`name` and a password). The
 * answers never tell whether the address has an account, except by accepting. Every password
 * goes through verifyAccountPassword, under the sign-in limits.
 */
async function acceptingUser(
  deps: Deps,
  invitation: InvitationRecord,
  input: { name?: string; password?: string; ip: string | null },
  caller: Caller | null,
): Promise<{ user: UserRecord | null; newPasswordHash: string | null }> {
  if (caller) {
    if (caller.user.email !== invitation.email) {
      throw new AppError("forbidden", msg("invitation.otherAddress", { email: invitation.email }));
    }
    return { user: caller.user, newPasswordHash: null };
  }
  const attempt = {
    email: invitation.email,
    password: input.password ?? "",
    ip: input.ip,
    via: "invitation" as const,
  };
  const name = input.name?.trim();
  if (!name) {
    const user = await verifyAccountPassword(deps, attempt);
    if (!user) throw new AppError("invalid_credentials", WRONG_PASSWORD);
    return { user, newPasswordHash: null };
  }
  // the same checks, in the same order, whether or not the address has an account
  requireAttemptAllowed(deps, attempt);
  const problem = checkPasswordRules(attempt.password, { email: invitation.email, name });
  if (problem) throw new AppError("weak_password", problem);
  if (findUserByEmail(deps.db, invitation.email)) {
    // someone with an account chose "create one": their own password still lets them in
    const user = await verifyAccountPassword(deps, attempt);
    if (!user) throw new AppError("invalid_credentials", WRONG_PASSWORD);
    return { user, newPasswordHash: null };
  }
  return { user: null, newPasswordHash: await hashPassword(attempt.password) };
}

/** Accepts an invitation (see acceptingUser for who may); the link works once. */
export async function acceptInvitation(
  deps: Deps,
  token: string,
  input: { name?: string; password?: string; ip: string | null },
  caller: Caller | null,
): Promise<UserRecord> {
  const invitation = usableInvitation(deps, token, input.ip);
  const accepting = await acceptingUser(deps, invitation, input, caller);
  let user = accepting.user;
  const now = deps.now();
  const accept = deps.db.transaction(() => {
    if (!markInvitationAccepted(deps.db, invitation.id, now))
      throw new AppError("invitation_invalid", INVALID);
    user ??= createUser(
      deps.db,
      {
        email: invitation.email,
        name: input.name?.trim() ?? "",
        passwordHash: accepting.newPasswordHash,
      },
      now,
    );
    addMembership(
      deps.db,
      {
        networkId: invitation.networkId,
        userId: user.id,
        organisationId: invitation.organisationId,
        role: invitation.role,
      },
      now,
    );
    appendAudit(
      deps.db,
      {
        actorId: user.id,
        action: "invitation.accept",
        networkId: invitation.networkId,
        subject: invitation.id,
        detail: { role: invitation.role },
      },
      now,
    );
    return user;
  });
  const accepted = accept.immediate();
  deps.live.setRole(invitation.networkId, accepted.id, invitation.role);
  deps.events.publish({
    type: "role-changed",
    networkId: invitation.networkId,
    data: { networkId: invitation.networkId, userId: accepted.id, role: invitation.role },
  });
  return accepted;
}
