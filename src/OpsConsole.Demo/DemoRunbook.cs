namespace OpsConsole.Demo;

/// <summary>The NOC runbook in Portuguese: severities, routine, procedures, stop conditions, escalation.</summary>
internal static class DemoRunbook
{
    public static string Text(DemoWorld w)
    {
        var end = DemoClock.Iso(w.Clock.EndDate);
        var review = DemoClock.Iso(w.Clock.EndDate.AddDays(30));
        var openIncidents = string.Join(", ", w.Incidents.Where(i => i.Status != "resolved").Select(i => $"`{i.Id}` ({i.Severity}, {i.Status})"));
        return $$"""
            # Runbook de Operação NOC — OpsConsole

            **Versão:** 1.1 · **Atualizado em:** {{end}} · **Próxima revisão:** {{review}} · **Dono:** Coordenação NOC

            ## Objetivo

            Dar ao turno do NOC um caminho curto e repetível para acompanhar conformidade, aprovações,
            lotes e incidentes pelo OpsConsole, e saber exatamente quando parar. O console é somente
            leitura: nenhuma página grava no NetBox.

            ## Matriz de severidade

            | Severidade | Quando | Exemplo | Primeira resposta |
            |------------|--------|---------|-------------------|
            | Crítica | Serviço de clientes fora ou anel de backbone degradado | Rompimento de fibra no anel MNS-KTG | Imediata, turno inteiro |
            | Alta | Dispositivo sem coleta ou sessão BGP instável | Timeout SNMP numa OLT | Até 30 minutos |
            | Média | Divergência de cadastro com impacto em alarmes | primary_ip4 errado após RMA | Até 4 horas |
            | Baixa | Cadastro incompleto sem impacto operacional | Número de série ausente | Próximo dia útil |

            Incidentes ainda não resolvidos na passagem: {{openIncidents}}.

            ## Rotina diária

            - [ ] 07:00 — conferir a execução de conformidade das 06:00 (todos os dispositivos reportaram?)
            - [ ] 07:15 — tratar relatórios com status `error` (coletor) antes dos `divergent`
            - [ ] 08:00 — revisar a fila de aprovações; pendências com mais de 7 dias vão ao aprovador
            - [ ] 09:00 — verificar incidentes abertos de severidade alta ou crítica
            - [ ] 14:00 — acompanhar pacotes de engajamento perto do prazo
            - [ ] 18:30 — registrar no log do turno o que ficou pendente

            ## Procedimentos

            ### 1. Revisão de conformidade
            1. Abrir `/compliance` na data de hoje.
            2. Para cada `error`, ver se existe incidente ligado; se não existir, abrir um (severidade alta se a
               OLT ou roteador ficou sem coleta por mais de um ciclo).
            3. Para cada `divergent`, abrir o dispositivo e verificar se já há aprovação cobrindo o campo.
            4. Relatório `compliant` com divergências listadas é contradição: **parar** (ver abaixo).

            ### 2. Fila de aprovações
            1. Abrir `/approval-queue` e filtrar por `pending`.
            2. Ler o histórico em `/approval-timeline/{id}`: quem pediu, quando, risco.
            3. Cobrar o aprovador por e-mail quando passar de 7 dias. A decisão é sempre pela linha de
               comando, nunca pelo navegador, e quem pede não aprova.

            ### 3. Incidente crítico
            1. Confirmar o impacto (clientes, enlaces, sites) e abrir a sala de crise.
            2. Suspender aprovações e execuções reais até o incidente ficar mitigado.
            3. Registrar a linha do tempo no campo `notes` do incidente.
            4. Depois de resolvido, conferir a próxima execução de conformidade dos dispositivos afetados.

            ### 4. Execução real bloqueada
            1. Ler o `blocked_reason` do resultado em `/batches` e o log em `executions/`.
            2. Se faltou token, **não** procurar token em arquivos: pedir ao aprovador uma nova autorização.
            3. Conferir se a aprovação continua `approved` e dentro da validade.

            ## Condições de parada

            Pare e escale se qualquer uma destas aparecer no painel:

            1. Token ou credencial em qualquer artefato ou log (`NETBOX_WRITE_TOKEN` com valor, `Authorization: Bearer`,
               chave privada).
            2. Relatório de conformidade contraditório.
            3. Objeto que já existe no NetBox durante uma execução real (`exists`).
            4. Incidente crítico aberto.
            5. Plano de aplicação com `staged_payload` ausente ou vazio.
            6. Mesmo dispositivo com ids diferentes entre inventário, relatórios, aprovações e planos.
            7. Gate aprovado fora de ordem no ciclo controlado.

            ## Escalonamento

            | Nível | Quem | Prazo |
            |-------|------|-------|
            | N1 | Líder do turno NOC | Imediato |
            | N2 | Engenharia de redes de plantão | 30 min (alta) / 4 h (média) |
            | N3 | Gerência de operações | Crítico ou vazamento de token |
            | Segurança | Time de segurança da informação | Qualquer credencial exposta |

            Contatos: [EMAIL_LIDER_NOC], [EMAIL_APROVADOR], [EMAIL_ENGENHARIA], [CANAL_SLACK_NOC].

            ## Comandos úteis

            ```bash
            # reindexar a pasta de artefatos depois de uma cópia manual
            dotnet run --project src/OpsConsole.Cli -- index --root reports

            # regenerar os dados de demonstração (nunca sobre artefatos reais)
            dotnet run --project src/OpsConsole.Cli -- demo generate --devices 25 --days 14 --out reports --seed 2026 --force
            ```

            """;
    }
}
