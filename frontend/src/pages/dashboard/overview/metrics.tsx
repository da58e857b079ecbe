import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { Dashboard } from "../../../api/models";
import { Card, Empty, Stat, Table } from "../../../components/ui";
import { formatDateTime, formatMoney, formatNumber } from "../../../lib/format";

/** MRR, active subscribers, customers, calls this month, the 30-day usage chart and recent webhook events. */
export function Metrics({ dashboard }: { dashboard: Dashboard }) {
  const { totals } = dashboard;
  const mrr = totals.mrr.length ? totals.mrr.map((entry) => formatMoney(entry.amount, entry.currency)).join(" + ") : formatMoney(0, "usd");
  return (
    <div className="space-y-6">
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        <Stat label="MRR" value={<span data-testid="metric-mrr">{mrr}</span>} />
        <Stat label="Active subscribers" value={<span data-testid="metric-subscribers">{formatNumber(totals.activeSubscriptions)}</span>} />
        <Stat label="Customers" value={<span data-testid="metric-customers">{formatNumber(totals.customers)}</span>} />
        <Stat label="Calls this month" value={<span data-testid="metric-calls">{formatNumber(totals.callsThisPeriod)}</span>} />
      </div>
      <Card title="Daily usage, last 30 days">
        <div className="h-56 w-full" role="img" aria-label={`Daily API calls over the last 30 days; ${formatNumber(dashboard.dailyUsage.reduce((sum, day) => sum + day.calls, 0))} in total`}>
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={dashboard.dailyUsage} margin={{ top: 4, right: 4, left: -16, bottom: 0 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
              <XAxis dataKey="day" tickFormatter={(day: string) => day.slice(5)} tick={{ fontSize: 11 }} interval="preserveStartEnd" minTickGap={16} />
              <YAxis allowDecimals={false} tick={{ fontSize: 11 }} />
              <Tooltip formatter={(value) => [formatNumber(Number(value)), "calls"]} />
              <Bar dataKey="calls" fill="#6366f1" radius={[3, 3, 0, 0]} isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </div>
        {totals.activeByTier.length ? (
          <p className="mt-3 text-sm text-slate-600">
            Subscribers per tier: {totals.activeByTier.map((entry) => `${entry.tier} ${entry.subscribers}`).join(", ")}
            {totals.oneOffRevenue.length ? ` · one-off revenue ${totals.oneOffRevenue.map((entry) => formatMoney(entry.amount, entry.currency)).join(" + ")}` : ""}
          </p>
        ) : null}
      </Card>
      <Card title="Recent webhook events">
        {dashboard.recentEvents.length === 0 ? (
          <Empty>No webhook events yet. They appear here as your end-users pay.</Empty>
        ) : (
          <Table headers={["Type", "Outcome", "Received"]}>
            {dashboard.recentEvents.map((event) => (
              <tr key={event.eventId}>
                <td className="py-2 pr-4 font-mono text-xs">{event.type}</td>
                <td className="py-2 pr-4 text-slate-700">{event.error ?? event.outcome ?? "—"}</td>
                <td className="whitespace-nowrap py-2 text-slate-500">{formatDateTime(event.receivedAt)}</td>
              </tr>
            ))}
          </Table>
        )}
      </Card>
    </div>
  );
}
