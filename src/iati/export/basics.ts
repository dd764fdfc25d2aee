/** What the activity is: descriptions, status, dates, contacts and scope. */
import type { ActivityDate, Contact, Description } from '../../portfolio/activity.model.ts';
import type { ActivityContext } from './context.ts';
import { narratives, textElement } from './narratives.ts';

export function descriptions(ctx: ActivityContext, list: Description[]): void {
  ctx.require(list.length > 0, 'description', 'a description');
  list.forEach((description, i) => {
    textElement(ctx, 'description', `description[${i + 1}]`, description.narratives, {
      required: true,
      attributes: { type: description.type },
    });
  });
}

/** There is no "unknown" ActivityStatus: a missing status cannot be written without inventing one. */
export function activityStatus(ctx: ActivityContext, status: string | null): void {
  ctx.require(status !== null, 'activity-status', 'an activity status');
  ctx.code('activity-status', status);
}

export function activityDates(ctx: ActivityContext, dates: ActivityDate[]): void {
  ctx.require(dates.length > 0, 'activity-date', 'an activity date');
  dates.forEach((date, i) => {
    const where = `activity-date[${i + 1}]`;
    const isoDate = ctx.date(`${where}/@iso-date`, date.isoDate);
    ctx.xml.element('activity-date', { type: date.type, 'iso-date': isoDate }, () =>
      narratives(ctx, where, date.narratives),
    );
  });
}

export function contacts(ctx: ActivityContext, list: Contact[]): void {
  list.forEach((contact, i) => {
    const where = `contact-info[${i + 1}]`;
    ctx.xml.element('contact-info', { type: contact.type }, () => {
      textElement(ctx, 'organisation', `${where}/organisation`, contact.organisation);
      textElement(ctx, 'department', `${where}/department`, contact.department);
      textElement(ctx, 'person-name', `${where}/person-name`, contact.personName);
      textElement(ctx, 'job-title', `${where}/job-title`, contact.jobTitle);
      for (const telephone of contact.telephone) ctx.xml.text('telephone', {}, telephone);
      for (const email of contact.email) ctx.xml.text('email', {}, email);
      contact.website.forEach((website, k) => {
        ctx.xml.text('website', {}, ctx.uri(`${where}/website[${k + 1}]`, website));
      });
      contact.mailingAddress.forEach((address, k) => {
        const at = `${where}/mailing-address[${k + 1}]`;
        textElement(ctx, 'mailing-address', at, address, { required: true });
      });
    });
  });
}
