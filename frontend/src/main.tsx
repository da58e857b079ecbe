import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { BrowserRouter, Link, Outlet, Route, Routes } from "react-router";
import { DeveloperAuthProvider } from "./auth/developer-auth";
import { EndUserAuthProvider } from "./auth/end-user-auth";
import { AuthCallback } from "./pages/auth-callback";
import { CustomerDetail, CustomersPage } from "./pages/dashboard/customers";
import { KeysPage } from "./pages/dashboard/keys";
import { LogsPage } from "./pages/dashboard/logs";
import { SettingsPage } from "./pages/dashboard/settings";
import { DashboardLayout } from "./pages/dashboard/layout";
import { Overview } from "./pages/dashboard/overview";
import { TiersPage } from "./pages/dashboard/tiers";
import { WebhooksPage } from "./pages/dashboard/webhooks";
import { Landing } from "./pages/landing";
import { PricingRoute } from "./pages/pricing-route";
import "./index.css";

function NotFound() {
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col items-center justify-center gap-3 px-4 text-center">
      <h1 className="text-2xl font-bold">Page not found</h1>
      <Link to="/" className="text-indigo-700 underline">
        Back home
      </Link>
    </main>
  );
}

const root = document.getElementById("root");
if (!root) throw new Error("#root is missing from index.html");
createRoot(root).render(
  <StrictMode>
    <BrowserRouter>
      <Routes>
        {/* Hosted pricing pages: the end-user's session (shared end-user app), never the developer's. */}
        <Route
          path="/p"
          element={
            <EndUserAuthProvider>
              <Outlet />
            </EndUserAuthProvider>
          }
        >
          <Route path=":platformId" element={<PricingRoute />} />
          <Route path=":platformId/test" element={<PricingRoute />} />
        </Route>
        <Route path="/auth/callback" element={<AuthCallback />} />
        <Route
          path="/*"
          element={
            <DeveloperAuthProvider>
              <Routes>
                <Route index element={<Landing />} />
                <Route path="dashboard" element={<DashboardLayout />}>
                  <Route index element={<Overview />} />
                  <Route path="tiers" element={<TiersPage />} />
                  <Route path="keys" element={<KeysPage />} />
                  <Route path="customers" element={<CustomersPage />} />
                  <Route path="customers/:userId" element={<CustomerDetail />} />
                  <Route path="webhooks" element={<WebhooksPage />} />
                  <Route path="logs" element={<LogsPage />} />
                  <Route path="settings" element={<SettingsPage />} />
                </Route>
                <Route path="*" element={<NotFound />} />
              </Routes>
            </DeveloperAuthProvider>
          }
        />
      </Routes>
    </BrowserRouter>
  </StrictMode>,
);
