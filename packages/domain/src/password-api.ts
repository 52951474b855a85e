import { z } from "zod";
import { emailSchema } from "./api";

// The Passwords contract: changing one's password, and resetting it by a single-use link.

/** How long a password-reset link works after it was requested or issued. */
export const PASSWORD_RESET_MINUTES = 60;

export const changePasswordRequestSchema = z.object({
  currentPassword: z.string().min(1, "the current password").max(1024),
  newPassword: z.string().max(1024),
});
export type ChangePasswordRequest = z.infer<typeof changePasswordRequestSchema>;

export const changePasswordResultSchema = z.object({
  /** How many other sessions were signed out. */
  endedSessions: z.number().int(),
});
export type ChangePasswordResult = z.infer<typeof changePasswordResultSchema>;

export const passwordResetRequestSchema = z.object({ email: emailSchema });
export type PasswordResetRequest = z.infer<typeof passwordResetRequestSchema>;

/** The one answer to a reset request, whether or not an account uses the address. */
export const passwordResetRequestedSchema = z.object({ message: z.string() });
export type PasswordResetRequested = z.infer<typeof passwordResetRequestedSchema>;

/** What a reset link is for, shown before choosing the new password. */
export const passwordResetPreviewSchema = z.object({
  email: z.string(),
  expiresAt: z.string(),
});
export type PasswordResetPreview = z.infer<typeof passwordResetPreviewSchema>;

export const resetPasswordRequestSchema = z.object({ password: z.string().max(1024) });
export type ResetPasswordRequest = z.infer<typeof resetPasswordRequestSchema>;

/** A link an instance administrator issued, to hand over by other means than e-mail. */
export const issuedPasswordResetSchema = z.object({
  userId: z.string(),
  email: z.string(),
  link: z.string(),
  expiresAt: z.string(),
});
export type IssuedPasswordReset = z.infer<typeof issuedPasswordResetSchema>;
