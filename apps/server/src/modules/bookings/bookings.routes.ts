import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type TSchema } from 'typebox';
import {
  Availability,
  AvailabilityQuery,
  BlockCreate,
  Booking,
  BookingApprove,
  BookingCancel,
  BookingCreate,
  BookingDecline,
  BookingList,
  BookingListQuery,
  BookingNoShow,
  BookingProblem,
  BookingQuote,
  BookingUsage,
  CalendarFeed,
  QuoteQuery,
  SlotList,
  SlotQuery,
  Usage,
  UsageQuery,
  type BookingAction,
} from '@clock/contracts';
import { IdParam, problems } from '../../core/http.ts';
import { schemaFailure } from '../../core/problem.ts';
import type { SearchService } from '../search/search.service.ts';
import * as bookings from './bookings.service.ts';
import * as lifecycle from './lifecycle.service.ts';
import { equipmentAvailability, searchSlots } from './availability.service.ts';
import { equipmentCalendar, myFeed, personalCalendar, resetFeed } from './ics.service.ts';
import { usage, usageCsv } from './usage.service.ts';

const refused = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((s) => [s, { ...BookingProblem, description: 'RFC 9457 problem details' }]));

/**
 * Booking equipment. Every write route is guarded by the life-cycle table in lifecycle.rules.ts (permission
 * "booking": who may take which action in which state; tested as a matrix in bookings.test.ts) or by the owning
 * centre's rule ("equipment-booking": maintenance blocks).
 */
export const bookingsRoutes: FastifyPluginAsyncTypebox<{
  deps: bookings.BookingDeps & { search?: SearchService };
  onMail: () => void;
}> = async (app, { deps, onMail }) => {
  const tags = ['bookings'];

  app.get(
    '/equipment/:id/availability',
    {
      schema: {
        tags,
        summary: 'When an instrument is free, busy or closed (at most 92 days; the same for everyone)',
        description:
          '`from` and `to` are ISO 8601 date-times with offset; a bare date means that whole day (Europe/Rome). A free segment is where a qualified person may book on the slot grid (see the `booking` policy).',
        params: IdParam,
        querystring: AvailabilityQuery,
        response: { 200: Availability, ...problems(400, 404) },
      },
    },
    async (req) => equipmentAvailability(deps, req.params.id, req.query),
  );

  app.get(
    '/equipment/:id/quote',
    {
      schema: {
        tags,
        summary: 'Whether the caller may book an interval, under which category and at what price',
        params: IdParam,
        querystring: QuoteQuery,
        response: { 200: BookingQuote, ...problems(400, 401, 404) },
      },
    },
    async (req) => bookings.quote(deps, req.actor, req.params.id, req.query),
  );

  app.get(
    '/equipment/:id/calendar.ics',
    {
      schema: {
        tags,
        summary: "An instrument's public iCalendar: busy and closed times only",
        params: IdParam,
        produces: ['text/calendar'],
      },
    },
    async (req, reply) =>
      reply
        .type('text/calendar; charset=utf-8')
        .header('cache-control', 'public, max-age=300')
        .send(await equipmentCalendar(deps, req.params.id)),
  );

  app.post(
    '/equipment/:id/blocks',
    {
      config: { permission: 'equipment-booking' },
      schema: {
        tags,
        summary: 'Take an instrument out of use for maintenance (its centre)',
        params: IdParam,
        body: BlockCreate,
        response: { 201: Booking, ...problems(400, 401, 403, 404), ...refused(409) },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await lifecycle.createBlock(deps, { actor: req.actor, requestId: req.id }, req.params.id, req.body)),
  );

  app.post(
    '/bookings',
    {
      config: { permission: 'booking' },
      attachValidation: true,
      schema: {
        tags,
        summary: 'Book an instrument (for yourself or your organisation)',
        description:
          'Automatic approval confirms at once (201 `confirmed`); manual approval holds the slot as `requested` until the centre answers or it expires. 409 `urn:clock:problem:slot-taken` when the time is taken (decided by the database), 409 `urn:clock:problem:slot-unavailable` when the rules refuse it (`reason`), 403 `urn:clock:problem:qualification-required` with the qualification and where to ask for training.',
        body: BookingCreate,
        response: { 201: Booking, ...problems(400, 401), ...refused(403, 409) },
      },
    },
    async (req, reply) => {
      const invalid = schemaFailure(req.validationError, req.body);
      const body = (req.validationError ? invalid.clean : req.body) as typeof req.body;
      const created = await bookings.createBooking(
        deps,
        { actor: req.actor, requestId: req.id },
        body,
        invalid.problems,
      );
      onMail();
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/bookings',
    {
      schema: {
        tags,
        summary: "The caller's bookings (mine) or their centres' (centre: the approval queue)",
        querystring: BookingListQuery,
        response: { 200: BookingList, ...problems(400, 401) },
      },
    },
    async (req) => bookings.listBookings(deps, req.actor, req.query),
  );
  app.get(
    '/bookings/:id',
    {
      schema: {
        tags,
        summary: 'One booking with its timeline',
        params: IdParam,
        response: { 200: Booking, ...problems(404) },
      },
    },
    async (req) => bookings.getBooking(deps, req.actor, req.params.id),
  );

  const action = (path: string, name: BookingAction, summary: string, body: TSchema) =>
    app.route({
      method: 'POST',
      url: `/bookings/:id/${path}`,
      config: { permission: 'booking' },
      schema: {
        tags,
        summary,
        params: IdParam,
        body,
        response: { 200: Booking, ...problems(400, 401, 403, 404, 409) },
      },
      handler: async (req) => {
        const result = await lifecycle.act(
          deps,
          { actor: req.actor, requestId: req.id },
          (req.params as { id: string }).id,
          name,
          (req.body ?? {}) as lifecycle.ActionBody,
        );
        onMail();
        return result;
      },
    });
  action(
    'approve',
    'approve',
    "Approve a requested booking (the instrument's centre; never the booker)",
    BookingApprove,
  );
  action('decline', 'decline', 'Decline a requested booking with a reason (idem)', BookingDecline);
  action('cancel', 'cancel', 'Cancel a booking (the booker before it starts, the centre until it ends)', BookingCancel);
  action('usage', 'record-use', 'Record the actual use; the booking is completed (the centre)', BookingUsage);
  action('no-show', 'no-show', 'Record that nobody came (the centre)', BookingNoShow);

  app.get(
    '/slots',
    {
      schema: {
        tags,
        summary: 'Free slots across every centre (earliest first), for the caller',
        description:
          'Each slot passes the same rule as a booking would for the caller (their qualifications); `price` is for their category. `maxPrice` is euro per hour.',
        querystring: SlotQuery,
        response: { 200: SlotList, ...problems(400) },
      },
    },
    async (req) => searchSlots(deps, req.actor, req.query),
  );

  app.get(
    '/organizations/:id/usage',
    {
      schema: {
        tags,
        summary: "A centre's equipment usage per category and organisation (its members)",
        params: IdParam,
        querystring: UsageQuery,
        response: { 200: Usage, ...problems(400, 401, 403) },
      },
    },
    async (req) => usage(deps, req.actor, req.params.id, req.query),
  );
  app.get(
    '/organizations/:id/usage.csv',
    {
      schema: {
        tags,
        summary: 'The same as CSV',
        params: IdParam,
        querystring: UsageQuery,
        produces: ['text/csv'],
      },
    },
    async (req, reply) =>
      reply
        .type('text/csv; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="usage-${req.params.id.replace(/[^a-z0-9._-]/gi, '_')}.csv"`,
        )
        .send(await usageCsv(deps, req.actor, req.params.id, req.query)),
  );

  app.get(
    '/me/calendar-feed',
    {
      schema: {
        tags,
        summary: "The caller's private iCalendar address (their own bookings)",
        response: { 200: CalendarFeed, ...problems(401, 403) },
      },
    },
    async (req) => myFeed(deps, req.actor),
  );
  app.post(
    '/me/calendar-feed/reset',
    {
      config: { permission: 'self' },
      schema: {
        tags,
        summary: 'A new private address; the old one stops working',
        response: { 200: CalendarFeed, ...problems(401, 403) },
      },
    },
    async (req) => resetFeed(deps, req.actor),
  );
  app.get(
    '/calendar-feeds/:token/bookings.ics',
    {
      schema: {
        tags,
        summary: "A person's private feed (the address is the key)",
        params: Type.Object({ token: Type.String({ minLength: 1, maxLength: 100 }) }),
        produces: ['text/calendar'],
      },
    },
    async (req, reply) =>
      reply
        .type('text/calendar; charset=utf-8')
        .header('cache-control', 'private, max-age=300')
        .header('referrer-policy', 'no-referrer')
        .send(await personalCalendar(deps, req.params.token)),
  );
};
