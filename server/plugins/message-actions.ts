import fp from 'fastify-plugin';
import { MessageActionService } from '../services/message-actions.js';

declare module 'fastify' {
  interface FastifyInstance {
    messageActions: MessageActionService;
  }
}

/** The candidate's one-click links in relayed messages: block a recruiter or a company, report abuse. */
export default fp(
  async (app) => {
    app.decorate('messageActions', new MessageActionService({ db: app.db, log: app.log.child({ component: 'message-actions' }) }));
  },
  { name: 'message-actions', dependencies: ['stores'] },
);
