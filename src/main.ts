import { mount } from 'svelte';
import 'maplibre-gl/dist/maplibre-gl.css';
import './app.css';
import App from './App.svelte';
import { startOffline } from './state/offline';

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');

startOffline();

export default mount(App, { target });
