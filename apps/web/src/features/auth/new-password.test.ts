import { describe, expect, it } from "vitest";
import { createTranslate } from "../../i18n";
import english from "../../i18n/locales/en/auth.json";
import russian from "../../i18n/locales/ru/auth.json";
import { newPasswordProblem as problemWith } from "./new-password";

const t = createTranslate("en", "auth", english);
function newPasswordProblem(password: string, repeated: string) {
  return problemWith(password, repeated, t);
}

describe("newPasswordProblem", () => {
  it("asks for 15 characters, counting an emoji or an accented letter as one", () => {
    expect(newPasswordProblem("short one", "short one")).toMatch(/at least 15 characters/);
    expect(
      newPasswordProblem("🔑🔑🔑🔑🔑🔑🔑🔑🔑🔑🔑🔑🔑🔑", "🔑🔑🔑🔑🔑🔑🔑🔑🔑🔑🔑🔑🔑🔑"),
    ).toMatch(/at least 15/);
    expect(newPasswordProblem("ééééé ééééé éééé", "ééééé ééééé éééé")).toBeNull();
  });

  it("says when the repeated password differs", () => {
    expect(newPasswordProblem("seven orange kites over", "seven orange kites 0ver")).toBe(
      "The two passwords do not match.",
    );
  });

  it("speaks the reader's language", () => {
    expect(problemWith("short one", "short one", createTranslate("ru", "auth", russian))).toBe(
      "Выберите пароль не короче 15 символов.",
    );
  });

  it("leaves everything else to the server", () => {
    expect(newPasswordProblem("seven orange kites over", "seven orange kites over")).toBeNull();
  });
});
