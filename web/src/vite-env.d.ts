// Types for what Vite adds to imports (`?url`, CSS imports).
/// <reference types="vite/client" />
