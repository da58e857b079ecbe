import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { Landing } from "./pages/landing";
import "./index.css";

const root = document.getElementById("root");
if (!root) throw new Error("#root is missing from index.html");
createRoot(root).render(
  <StrictMode>
    <Landing />
  </StrictMode>,
);
