// The demo page's own script (embed-demo.html): shows what the loader's events carry, the way
// a programme's page might. Text only (textContent), never HTML: a report holds the user's
// answers and pack texts.
const show = (id, title, body, error) => {
  const box = document.getElementById(id);
  const heading = document.createElement('p');
  heading.append(Object.assign(document.createElement('strong'), { textContent: title }));
  box.replaceChildren(heading);
  box.classList.toggle('aviso-demo--error', Boolean(error));
  if (body) box.append(Object.assign(document.createElement('pre'), { textContent: body }));
};

addEventListener('umbral:pack-ready', (event) =>
  show('aviso-paquete', 'El paquete del programa está en uso.', event.detail.diagnostics),
);
addEventListener('umbral:pack-error', (event) =>
  show(
    'aviso-paquete',
    'El paquete del programa tiene errores; Umbral usa el paquete del país:',
    event.detail.diagnostics,
    true,
  ),
);
addEventListener('umbral:report', (event) => {
  const { profile, report } = event.detail;
  const stage = report.pathways?.find((pathway) => pathway.id === report.stage)?.label ?? 'ninguna todavía';
  const lines = [
    `Preparación: ${report.readiness} de 100`,
    `Forma de vender alcanzada: ${stage}`,
    `Región: ${profile.region ?? 'sin dato'} · Localidad: ${profile.locality ?? 'sin dato'}`,
    'Lo que le falta:',
    ...report.blockers.map((blocker) => `  • ${blocker.text}`),
    '',
    'Datos completos (JSON):',
    JSON.stringify({ profile, report }, null, 2),
  ];
  show('aviso-reporte', 'Resultado recibido, con el permiso de la persona:', lines.join('\n'));
});
