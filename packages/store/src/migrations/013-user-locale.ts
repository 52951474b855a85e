export const USER_LOCALE = `
-- the language a user chose for the interface, e-mails and exports; NULL: follow the browser
ALTER TABLE users ADD COLUMN locale TEXT;
`;
